import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureOffscreenDocument, type OffscreenApi } from '../../../src/background/offscreen';

// Chromium's latencies, on the fake clock: the tests move it on themselves, and wait for nothing.
const later = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/**
 * Chromium as the service worker sees it: getContexts answers from the moment it was asked, after
 * `askMs`; createDocument takes `openMs` and refuses a second document.
 */
function chromiumOffscreen(askMs: (call: number) => number, openMs: number) {
  let documents = 0;
  let asks = 0;
  const created: string[] = [];
  const api = {
    runtime: {
      getURL: (path: string) => `chrome-extension://counterframe${path}`,
      getContexts: async () => {
        const seen = documents;
        await later(askMs(asks++));
        return Array.from({ length: seen }, () => ({}));
      },
    },
    offscreen: {
      createDocument: async ({ url }: { url: string }) => {
        created.push(url);
        await later(openMs);
        if (documents > 0) throw new Error('Only a single offscreen document may be created.');
        documents++;
      },
    },
  } as unknown as OffscreenApi;
  return { api, created, count: () => documents };
}

describe('the offscreen document (Chromium)', () => {
  it('is opened once when a second page asks while the first is still opening it', async () => {
    // The first check answers at once; the second, begun while the document opens, answers after it opened.
    const chromium = chromiumOffscreen((call) => (call === 0 ? 0 : 40), 20);
    const first = ensureOffscreenDocument(chromium.api);
    await vi.advanceTimersByTimeAsync(10);
    const second = ensureOffscreenDocument(chromium.api);
    const both = Promise.all([first, second]);
    await vi.runAllTimersAsync();
    await expect(both).resolves.toEqual([undefined, undefined]);
    expect(chromium.created).toEqual(['chrome-extension://counterframe/offscreen.html']);
    expect(chromium.count()).toBe(1);
  });

  it('is not opened again once it is open', async () => {
    const chromium = chromiumOffscreen(() => 0, 5);
    for (let i = 0; i < 2; i++) {
      const opened = ensureOffscreenDocument(chromium.api);
      await vi.runAllTimersAsync();
      await opened;
    }
    expect(chromium.created).toHaveLength(1);
  });
});
