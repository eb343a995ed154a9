import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolders, type StaticServer } from '../../../scripts/lib/server';
import { hugeArticle } from '../../support/huge-article';
import { extensionErrors, type BrowserDriver } from './driver';
import { paintedText } from './scenarios';
import { withTab } from './tabs';

const GENERATED = '.tmp/e2e-pages';
const hasHighlights = () => (CSS.highlights.get('counterframe-uses')?.size ?? 0) > 0;

// Counts the page's own timer from DOMContentLoaded on, and keeps the longest gap between two ticks.
const TICKER = `document.addEventListener('DOMContentLoaded', () => {
  const ticks = (window.__ticks = { last: performance.now(), longestGap: 0, count: 0 });
  setInterval(() => {
    const now = performance.now();
    ticks.longestGap = Math.max(ticks.longestGap, now - ticks.last);
    ticks.last = now;
    ticks.count++;
  }, 20);
});`;

/** Pages unlike the usual article: enormous, Chinese, right-to-left, with text in frames and shadow roots. */
export function describeUnusualPages(label: string, launch: () => Promise<BrowserDriver>): void {
  describe(`unusual pages in ${label}`, () => {
    let server: StaticServer;
    let driver: BrowserDriver;

    beforeAll(async () => {
      mkdirSync(GENERATED, { recursive: true });
      writeFileSync(`${GENERATED}/huge-article.html`, hugeArticle());
      server = await serveFolders({ '/': 'tests/fixtures/pages', '/generated/': GENERATED });
      driver = await launch();
    });
    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    it('reads a 5 MB article with bounded work, and the page keeps running meanwhile', async () => {
      const url = `${server.origin}/generated/huge-article.html`;
      const page = await driver.open(url, TICKER);
      await page.waitFor(hasHighlights, undefined, 90_000);
      const ticks = await page.evaluate(() => (window as any).__ticks);
      // Not a speed target: a loop, or one blocking task of seconds, is what this would catch.
      expect(ticks.count).toBeGreaterThan(0);
      expect(ticks.longestGap).toBeLessThan(3000);
      const helper = await driver.openExtensionPage('popup.html');
      const summary = (await helper.evaluate(withTab, { url }))!.summary;
      expect(summary.uses).toBeGreaterThan(0);
      expect(summary.highlights.length).toBe(summary.uses + summary.critiques);
      expect(extensionErrors(page.errors)).toEqual([]);
      await helper.close();
      await page.close();
    });

    it('highlights a Chinese article, uses and critiques apart', async () => {
      const page = await driver.open(`${server.origin}/cjk/source.html`);
      await page.waitFor(hasHighlights);
      const painted = await page.evaluate(paintedText);
      expect(painted['counterframe-uses']!.some((s) => s.includes('人工智能军备竞赛已经全面展开'))).toBe(true);
      expect(painted['counterframe-critiques']!.some((s) => s.includes('所谓的人工智能军备竞赛'))).toBe(true);
      expect(extensionErrors(page.errors)).toEqual([]);
      await page.close();
    });

    it('highlights an article in Traditional characters, read as Simplified, uses and critiques apart', async () => {
      const page = await driver.open(`${server.origin}/traditional/source.html`);
      await page.waitFor(hasHighlights);
      const painted = await page.evaluate(paintedText);
      expect(painted['counterframe-uses']!.some((s) => s.includes('人工智慧軍備競賽已經全面開打'))).toBe(true);
      expect(painted['counterframe-critiques']!.some((s) => s.includes('所謂的人工智慧軍備競賽'))).toBe(true);
      expect(extensionErrors(page.errors)).toEqual([]);
      await page.close();
    });

    it('highlights an English quote in a right-to-left page, and its card opens inside the window', async () => {
      const page = await driver.open(`${server.origin}/rtl/source.html`);
      await page.waitFor(hasHighlights);
      const painted = await page.evaluate(paintedText);
      expect(painted['counterframe-uses']).toEqual(['We are in an AI arms race with China, and America must win the AI race at any cost.']);
      const point = await page.evaluate(() => {
        const range = [...(CSS.highlights.get('counterframe-uses') as unknown as Iterable<Range>)][0]!;
        const box = range.getClientRects()[0]!;
        return { x: box.left + Math.min(40, box.width / 2), y: box.top + box.height / 2 };
      });
      await page.click(point.x, point.y);
      await page.waitFor(() => document.querySelector('counterframe-card') !== null);
      const placed = await page.evaluate(() => {
        const panel = document.querySelector('counterframe-card')!.shadowRoot!.querySelector('[role="dialog"]')!.getBoundingClientRect();
        return panel.left >= 0 && panel.top >= 0 && panel.right <= innerWidth && panel.bottom <= innerHeight;
      });
      expect(placed).toBe(true);
      expect(extensionErrors(page.errors)).toEqual([]);
      await page.close();
    });

    it('leaves text in iframes and shadow roots alone, and still highlights the article around them', async () => {
      const page = await driver.open(`${server.origin}/embedded/source.html`);
      await page.waitFor(hasHighlights);
      const painted = await page.evaluate(paintedText);
      expect(painted['counterframe-uses']).toEqual([
        "The committee's chair opened the first hearing by saying that the United States must beat China in artificial intelligence before the end of the decade.",
      ]);
      const inside = await page.evaluate(() => {
        const frame = (document.getElementById('embed') as HTMLIFrameElement).contentWindow as any;
        return {
          frameHighlights: frame.CSS.highlights.size,
          frameText: frame.document.body.innerHTML,
          open: document.getElementById('card')!.shadowRoot!.innerHTML,
          closed: (window as any).closedRoot.innerHTML,
        };
      });
      expect(inside).toEqual({
        frameHighlights: 0,
        frameText: '<p>Our members believe America must win the AI race against China, whatever it costs.</p>',
        open: '<p>Whoever leads in AI will rule the world, and China must not win the AI race.</p>',
        closed: '<p>The AI Cold War with China has begun.</p>',
      });
      expect(extensionErrors(page.errors)).toEqual([]);
      await page.close();
    });
  });
}
