import '../../src/ui/extension-pages.css';
import { browser } from 'wxt/browser';
import { inBrowserLanguage } from '../../src/platform/i18n-browser';
import { renderPopup, unreadPageSummary } from '../../src/popup/popup';
import { parseMessage } from '../../src/protocol/messages';
import { sender, tabSender } from '../../src/protocol/replies';
import { settingsItem } from '../../src/settings/store';

document.documentElement.lang = browser.i18n.getUILanguage();
const root = document.getElementById('app')!;
const settings = settingsItem();
const send = sender((message) => browser.runtime.sendMessage(message));
const toTab = tabSender((tabId, message) => browser.tabs.sendMessage(tabId, message));
const openedAsTab = new URLSearchParams(location.search).has('tab');

// The tab the popup speaks for: the active one, or ?tab=ID when the popup is opened as a page.
async function targetTab(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (fromQuery) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

// The report buttons: the tab's highlighter gives what the report needs; the report is made here.
function reportDeps(tabId: number) {
  return { source: () => toTab(tabId, { type: 'page:report' }), copy: (text: string) => navigator.clipboard.writeText(text) };
}

let renders = 0;
let shownTab: number | undefined;
async function render(): Promise<void> {
  const ticket = ++renders;
  const tabId = await targetTab();
  shownTab = tabId;
  // Only pages that passed the gate have the highlighter to answer; the others are read as nothing shown.
  const summary =
    tabId === undefined
      ? null
      : ((await toTab(tabId, { type: 'page:summary' })) ??
        (await browser.tabs.get(tabId).then(
          (tab) => unreadPageSummary(tab.url),
          () => null,
        )));
  const current = await settings.getValue();
  // A later render has newer values on their way: this one's may already be stale.
  if (ticket !== renders) return;
  renderPopup(root, current, {
    t: inBrowserLanguage,
    summary,
    send,
    openOptions: () => void browser.runtime.openOptionsPage(),
    showHighlight: (index) => {
      if (tabId === undefined) return;
      void toTab(tabId, { type: 'highlight:show', index }).then(() => {
        // As a toolbar popup it closes, so the page and its card get the focus; opened as a tab, it stays.
        if (!openedAsTab) window.close();
      });
    },
    report: tabId === undefined ? undefined : reportDeps(tabId),
  });
}

void render();
settings.watch(() => void render());
// The tab's highlighter says so whenever what it shows changes (a new setting applied, a reading
// done): that is when the summary is worth asking for again, not some time after the setting changed.
browser.runtime.onMessage.addListener((raw: unknown, from) => {
  if (parseMessage(raw)?.type === 'page:status' && from.tab?.id !== undefined && from.tab.id === shownTab) void render();
});
