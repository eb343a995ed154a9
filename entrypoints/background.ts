import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage, releaseHeld, toggleSiteOfTab, type BackgroundDeps, type Badge } from '../src/background/background';
import { sessionHeldFrames } from '../src/background/held';
import { welcomeOnInstall } from '../src/background/welcome';
import { ensureOffscreenDocument } from '../src/background/offscreen';
import { packsFlagKeeper } from '../src/background/packs-flag';
import { withCurrentMentions } from '../src/claims/packs';
import { WEB_PAGES } from '../src/gate/web-pages';
import { createHtmlAnalyzer } from '../src/pipeline/html-analyzer';
import { inBrowserLanguage } from '../src/platform/i18n-browser';
import { parseMessage } from '../src/protocol/messages';
import { offscreenSender, tabSender } from '../src/protocol/replies';
import { createSerialWriter, packsItem, settingsItem } from '../src/settings/store';

const MENU_ID = 'toggle-site';
/** Keyboard commands that walk through a page's highlights (their keys are in wxt.config.ts). */
const STEP_COMMANDS: Record<string, 1 | -1> = { 'next-highlight': 1, 'previous-highlight': -1 };
const BADGE_COLOURS: Record<Badge['kind'], string> = { count: '#b36b00', off: '#777777', none: '#b36b00' };

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;
  const settings = settingsItem();
  const packs = packsItem();
  const toTab = tabSender((tabId, message) => browser.tabs.sendMessage(tabId, message));
  // Firefox's background page can parse HTML itself; Chromium's service worker hands it to its offscreen document.
  const analyzeHere = import.meta.env.FIREFOX ? createHtmlAnalyzer(new DOMParser(), import.meta.env.MODE === 'bench') : null;
  const toOffscreen = offscreenSender((message) => browser.runtime.sendMessage(message));
  const deps: BackgroundDeps = {
    settings: () => settings.getValue(),
    update: createSerialWriter(settings),
    updatePacks: createSerialWriter(packs),
    read: async (html) => {
      const installed = (await packs.getValue()).packs;
      if (analyzeHere) return analyzeHere(html, installed);
      await ensureOffscreenDocument();
      return toOffscreen({ type: 'offscreen:read', html, packs: installed });
    },
    setBadge: (tabId, badge) => {
      const text = badge.kind === 'off' ? inBrowserLanguage('badgeOff') : badge.kind === 'count' ? String(badge.count) : '';
      void action.setBadgeText({ tabId, text }).catch(() => {});
      void action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[badge.kind] }).catch(() => {});
    },
    askTab: (tabId) => toTab(tabId, { type: 'page:summary' }),
    tabUrl: (tabId) =>
      browser.tabs.get(tabId).then(
        (tab) => tab.url,
        () => undefined,
      ),
    bringHighlighter: async (tabId, frameId) => {
      const target = { tabId, frameIds: [frameId] };
      await browser.scripting.insertCSS({ target, files: ['/highlights.css'] });
      await browser.scripting.executeScript({ target, files: ['/highlighter.js'] });
    },
    held: sessionHeldFrames(),
    t: inBrowserLanguage,
  };
  const frameUrl = (tabId: number, frameId: number) =>
    browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, func: () => document.URL }).then(
      ([result]) => result?.result,
      () => undefined,
    );
  settings.watch(
    (current) => void releaseHeld(current, deps, frameUrl).catch((error: unknown) => console.error('Counterframe could not resume a page:', error)),
  );
  browser.tabs.onRemoved.addListener((tabId) => void deps.held.remove((frame) => frame.tabId === tabId));

  // The gate script asks storage what to look for with the packs only where this flag script ran before it.
  const keepPacksFlag = packsFlagKeeper(browser.scripting, WEB_PAGES);
  const showPacks = (installed: { packs: unknown[] }) =>
    void keepPacksFlag(installed.packs.length > 0).catch((error: unknown) => console.error('Counterframe could not register its packs flag:', error));
  void packs.getValue().then(showPacks);
  packs.watch(showPacks);

  // The polyfill sends the returned promise's result as the reply; undefined leaves the message to others (the offscreen document).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((raw: unknown, from) => {
    // Only the extension's own pages and content scripts can reach this listener; check the shape anyway.
    if (from.id !== browser.runtime.id) return undefined;
    const message = parseMessage(raw);
    return message ? handleMessage(message, { tabId: from.tab?.id, frameId: from.frameId, url: from.url }, deps) : undefined;
  });

  browser.runtime.onInstalled.addListener((details) => {
    // The first install, only: what the marks mean, the card, the switch, the shortcuts.
    void welcomeOnInstall(details, browser).catch((error: unknown) => console.error('Counterframe could not open its welcome page:', error));
    // An update brings a new bundled library: what the gate script looks for with the packs is made again from it.
    void deps.updatePacks(withCurrentMentions).catch((error: unknown) => console.error('Counterframe could not update its packs:', error));
    browser.contextMenus.create({
      id: MENU_ID,
      title: inBrowserLanguage('menuToggleSite'),
      contexts: ['page', 'selection', 'link'],
      documentUrlPatterns: WEB_PAGES,
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void toggleSiteOfTab(tab.id, info.pageUrl, deps);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    if (command === MENU_ID) void toggleSiteOfTab(tab.id, undefined, deps);
    const direction = STEP_COMMANDS[command];
    if (direction) void toTab(tab.id, { type: 'highlight:step', direction });
  });
});
