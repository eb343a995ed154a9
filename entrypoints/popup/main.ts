import '../../src/ui/extension-pages.css';
import { browser } from 'wxt/browser';
import { inBrowserLanguage } from '../../src/platform/i18n-browser';
import type { Message, PageSummary } from '../../src/protocol/messages';
import type { PageMessage } from '../../src/protocol/page-messages';
import { renderPopup, unreadPageSummary } from '../../src/popup/popup';
import { settingsItem } from '../../src/settings/store';

document.documentElement.lang = browser.i18n.getUILanguage();
const root = document.getElementById('app')!;
const settings = settingsItem();

// The tab the popup speaks for: the active one, or ?tab=ID when the popup is opened as a page.
async function targetTab(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (fromQuery) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

let renders = 0;
async function render(): Promise<void> {
  const ticket = ++renders;
  const tabId = await targetTab();
  // Only pages that passed the gate have the reader to answer; the others are read as nothing shown.
  const summary =
    tabId === undefined
      ? null
      : await browser.tabs.sendMessage(tabId, { type: 'page:summary' } satisfies PageMessage).then(
          (r) => r as PageSummary,
          () => browser.tabs.get(tabId).then((tab) => unreadPageSummary(tab.url), () => null),
        );
  const current = await settings.getValue();
  // A later render has newer values on their way: this one's may already be stale.
  if (ticket !== renders) return;
  renderPopup(root, current, {
    t: inBrowserLanguage,
    summary,
    send: (message: Message) => browser.runtime.sendMessage(message),
    openOptions: () => void browser.runtime.openOptionsPage(),
    showHighlight: (index) => {
      if (tabId === undefined) return;
      void browser.tabs.sendMessage(tabId, { type: 'highlight:show', index } satisfies PageMessage).then(() => {
        // As a toolbar popup it closes, so the page and its card get the focus; opened as a tab, it stays.
        if (!new URLSearchParams(location.search).has('tab')) window.close();
      });
    },
  });
}

void render();
// Content scripts repaint on the same change; give them a moment to apply it before asking again.
settings.watch(() => setTimeout(() => void render(), 50));
