import { JSDOM } from 'jsdom';
import type { BackgroundDeps } from '../../src/background/background';
import { createHtmlAnalyzer } from '../../src/pipeline/html-analyzer';
import { inEnglish } from './translate';
import { createSerialWriter, packsItem, settingsItem } from '../../src/settings/store';

/** The background's dependencies as the extension wires them, on WXT's fake browser storage and jsdom's parser. */
export function background(badges: Map<number, string> = new Map()): BackgroundDeps {
  const read = createHtmlAnalyzer(new new JSDOM('').window.DOMParser());
  const packs = packsItem();
  return {
    update: createSerialWriter(settingsItem()),
    updatePacks: createSerialWriter(packs),
    read: async (html) => read(html, (await packs.getValue()).packs),
    setBadge: (tabId, text) => badges.set(tabId, text),
    askTab: async () => ({ url: 'https://news.example.com/a', reading: false, site: 'news.example.com', enabled: true, highlights: [], uses: 0, critiques: 0, frames: [] }),
    tabUrl: async () => 'https://news.example.com/a',
    bringHighlighter: async () => {},
    t: inEnglish,
  };
}
