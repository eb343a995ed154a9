import { browser } from 'wxt/browser';

const OFFSCREEN_PAGE = '/offscreen.html';
let creating: Promise<void> | undefined;

/**
 * Chromium: makes sure the offscreen document, where pages are read, is open. Its service worker has
 * no DOM parser, and it may have been restarted since it opened the document, so it asks first.
 */
export async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PAGE);
  const open = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (open.length > 0) return;
  creating ??= browser.offscreen
    .createDocument({ url, reasons: ['DOM_PARSER'], justification: 'Reads the article of a page with Readability, away from the page.' })
    .finally(() => (creating = undefined));
  await creating;
}
