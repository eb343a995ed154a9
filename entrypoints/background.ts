import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { PageReading } from '../src/pipeline/reading';
import { handleMessage, toggleSiteOfTab, type BackgroundDeps } from '../src/background/background';
import { ensureOffscreenDocument } from '../src/background/offscreen';
import { packsFlagKeeper } from '../src/background/packs-flag';
import { createHtmlAnalyzer } from '../src/pipeline/html-analyzer';
import { withCurrentMentions } from '../src/claims/packs';
import { inBrowserLanguage } from '../src/platform/i18n-browser';
import { parseMessage, type PageSummary } from '../src/protocol/messages';
import type { PageMessage } from '../src/protocol/page-messages';
import { createSerialWriter, packsItem, settingsItem } from '../src/settings/store';
import { WEB_PAGES } from '../src/gate/web-pages';

const MENU_ID = 'toggle-site';
/** Keyboard commands that walk through a page's highlights (their keys are in wxt.config.ts). */
const STEP_COMMANDS: Record<string, 1 | -1> = { 'next-highlight': 1, 'previous-highlight': -1 };

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;
  const packs = packsItem();
  // Firefox's background page can parse HTML itself; Chromium's service worker hands it to its offscreen document.
  const analyzeHere = import.meta.env.FIREFOX ? createHtmlAnalyzer(new DOMParser(), import.meta.env.MODE === 'bench') : null;
  const deps: BackgroundDeps = {
    update: createSerialWriter(settingsItem()),
    updatePacks: createSerialWriter(packs),
    read: async (html) => {
      const installed = (await packs.getValue()).packs;
      if (analyzeHere) return analyzeHere(html, installed);
      await ensureOffscreenDocument();
      return (await browser.runtime.sendMessage({ type: 'offscreen:read', html, packs: installed })) as PageReading;
    },
    setBadge: (tabId, text) => {
      void action.setBadgeText({ tabId, text }).catch(() => {});
      void action.setBadgeBackgroundColor({ tabId, color: text === inBrowserLanguage('badgeOff') ? '#777777' : '#b36b00' }).catch(() => {});
    },
    askTab: (tabId) => browser.tabs.sendMessage(tabId, { type: 'page:summary' } satisfies PageMessage).then((r) => r as PageSummary, () => undefined),
    tabUrl: (tabId) => browser.tabs.get(tabId).then((tab) => tab.url, () => undefined),
    bringHighlighter: async (tabId, frameId) => {
      const target = { tabId, frameIds: [frameId] };
      await browser.scripting.insertCSS({ target, files: ['/highlights.css'] });
      await browser.scripting.executeScript({ target, files: ['/highlighter.js'] });
    },
    t: inBrowserLanguage,
  };

  // The gate script asks storage what to look for with the packs only where this flag script ran before it.
  const keepPacksFlag = packsFlagKeeper(browser.scripting, WEB_PAGES);
  const showPacks = (installed: { packs: unknown[] }) =>
    void keepPacksFlag(installed.packs.length > 0).catch((error: unknown) => console.error('Counterframe could not register its packs flag:', error));
  void packs.getValue().then(showPacks);
  packs.watch(showPacks);

  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only the extension's own pages and content scripts can reach this listener; check the shape anyway.
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseMessage(raw);
    return message ? handleMessage(message, { tabId: sender.tab?.id, frameId: sender.frameId }, deps) : undefined;
  });

  browser.runtime.onInstalled.addListener(() => {
    // An update brings a new bundled library: what the gate script looks for with the packs is made again from it.
    void deps.updatePacks(withCurrentMentions).catch((error: unknown) => console.error('Counterframe could not update its packs:', error));
    browser.contextMenus.create({ id: MENU_ID, title: inBrowserLanguage('menuToggleSite'), contexts: ['page', 'selection', 'link'], documentUrlPatterns: WEB_PAGES });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void toggleSiteOfTab(tab.id, info.pageUrl, deps);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    if (command === MENU_ID) void toggleSiteOfTab(tab.id, undefined, deps);
    const direction = STEP_COMMANDS[command];
    if (direction) void browser.tabs.sendMessage(tab.id, { type: 'highlight:step', direction } satisfies PageMessage).catch(() => {});
  });
});
