import { browser } from 'wxt/browser';

const OFFSCREEN_PAGE = '/offscreen.html';
let opening: Promise<void> | undefined;

/** The parts of the browser's API this needs (the tests pass their own). */
export interface OffscreenApi {
  runtime: Pick<typeof browser.runtime, 'getURL' | 'getContexts'>;
  offscreen: Pick<typeof browser.offscreen, 'createDocument'>;
}

/**
 * Chromium: makes sure the offscreen document, where pages are read, is open. Its service worker has
 * no DOM parser, and it may have been restarted since it opened the document, so it asks first.
 * Callers that come while it is asking or opening wait for that same promise: a second check begun
 * before the document was registered would try to open a second one, which Chromium refuses.
 */
export function ensureOffscreenDocument(api: OffscreenApi = browser): Promise<void> {
  opening ??= openIfClosed(api).finally(() => (opening = undefined));
  return opening;
}

async function openIfClosed(api: OffscreenApi): Promise<void> {
  const url = api.runtime.getURL(OFFSCREEN_PAGE);
  const open = await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (open.length > 0) return;
  await api.offscreen.createDocument({ url, reasons: ['DOM_PARSER'], justification: 'Reads the article of a page with Readability, away from the page.' });
}
