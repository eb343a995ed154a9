import { describe, expect, it, vi } from 'vitest';
import type { BrowserDriver } from './driver';
import { servedBrowser } from './served';
import { storedSettings, withTab } from './tabs';

/** A page that overrides DOM APIs, fakes messages, thrashes its DOM and plants markup in framed text. */
export function describeHostilePage(label: string, launch: () => Promise<BrowserDriver>): void {
  describe(`a hostile page in ${label}`, () => {
    const served = servedBrowser(launch);

    it('cannot stop the highlights, flip settings by fake messages, or get its text run as markup', async () => {
      const helper = await served.driver.openExtensionPage('popup.html');
      const before = await helper.evaluate(storedSettings);
      const url = `${served.server.origin}/hostile/source.html`;
      const page = await served.driver.open(url);
      // The page broke its own Highlight API and CSS.highlights.set; the extension's world is its own.
      await page.waitFor(() => CSS.highlights.size > 0, undefined, 20_000);
      expect(await page.evaluate(() => (window as any).hostile.errors)).toEqual([]);
      expect(await helper.evaluate(withTab, { url, message: { type: 'highlight:show', index: 0 } })).not.toBeNull();
      await page.waitFor(() => document.querySelector('counterframe-card') !== null);
      const card = await page.evaluate(() => {
        const root = document.querySelector('counterframe-card')!.shadowRoot!;
        return { images: root.querySelectorAll('img').length, flagged: root.querySelector('mark')?.textContent, pwned: (window as any).pwned ?? null };
      });
      expect(card).toEqual({ images: 0, flagged: 'beat China', pwned: null });
      // The sentence with the planted markup is highlighted as the text it is.
      expect(await page.evaluate(() => document.querySelector('article p:nth-of-type(2)')!.textContent)).toContain('<img src=x onerror=');
      // The fake messages changed nothing, and the DOM thrash has not stopped the highlights: the page
      // was read again while it thrashed, and is still highlighted.
      await vi.waitFor(async () => expect((await helper.evaluate(withTab, { url }))?.summary?.readings).toBeGreaterThanOrEqual(2), {
        timeout: 30_000,
        interval: 250,
      });
      expect(await helper.evaluate(storedSettings)).toEqual(before);
      expect(await page.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.querySelectorAll('mark').length)).toBe(0);
    });
  });
}
