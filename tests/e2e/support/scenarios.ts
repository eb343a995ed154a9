import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BrowserDriver, TestPage } from './driver';
import { serveFolders, type StaticServer } from '../../../scripts/lib/server';
import { withTab } from './tabs';

export const ARTIFACTS = 'artifacts/e2e';

/** Reads back what the extension painted, from the page's own highlight registry. */
export function paintedText(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of ['counterframe-uses', 'counterframe-critiques', 'counterframe-trigger']) {
    const highlight = CSS.highlights.get(name);
    out[name] = highlight ? [...(highlight as unknown as Iterable<Range>)].map((r) => r.toString().replace(/\s+/g, ' ')) : [];
  }
  return out;
}

function hasHighlights(): boolean {
  return (CSS.highlights.get('counterframe-uses')?.size ?? 0) > 0;
}

/** The centre of the first line box of the highlighted sentence that contains `needle`. */
function pointInside(needle: string): { x: number; y: number } | null {
  for (const name of ['counterframe-uses', 'counterframe-critiques']) {
    for (const range of (CSS.highlights.get(name) as unknown as Iterable<Range>) ?? []) {
      if (!range.toString().includes(needle)) continue;
      const box = range.getClientRects()[0];
      // A highlight with no line box on screen cannot be clicked: look on.
      if (!box) continue;
      return { x: box.left + Math.min(40, box.width / 2), y: box.top + box.height / 2 };
    }
  }
  return null;
}

function cardText(): string | null {
  const host = document.querySelector('counterframe-card');
  return host?.shadowRoot?.textContent ?? null;
}

/** The same end-to-end scenarios, run in each real browser with the built extension loaded. */
export function describeExtension(label: string, launch: () => Promise<BrowserDriver>): void {
  describe(`the built extension in ${label}`, () => {
    let server: StaticServer;
    let driver: BrowserDriver;
    const pages: TestPage[] = [];
    const open = async (path: string) => {
      const page = await driver.open(`${server.origin}/${path}`);
      pages.push(page);
      return page;
    };

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      server = await serveFolders({ '/': 'tests/fixtures/pages' });
      driver = await launch();
    });

    afterAll(async () => {
      for (const page of pages) await page.close().catch(() => {});
      await driver?.close();
      await server?.close();
    });

    it('highlights the framed passages of a news article, uses and critiques apart', async () => {
      const page = await open('arms-race/source.html');
      await page.waitFor(hasHighlights);
      const painted = await page.evaluate(paintedText);
      expect(painted['counterframe-uses']).toEqual(
        expect.arrayContaining([
          'We are in an AI arms race with China, and the stakes are as high as any this country has faced since the last century.',
          'That is why the United States must beat China on every front that matters: chips, data centers, talent and energy.',
          'They mean well, but heavy-handed AI regulation would simply hand China the lead.',
          'Whichever country is first to AGI will hold a decisive advantage for decades.',
          'Fund the compute, build the power plants, train the engineers, and keep America ahead of China in artificial intelligence.',
        ]),
      );
      expect(painted['counterframe-critiques']).toEqual([
        'Skeptics say the “arms race” talk is overblown and that the two countries are simply pursuing different goals.',
      ]);
      expect(painted['counterframe-trigger']).toEqual(expect.arrayContaining(['arms race', 'beat China', 'hand China the lead']));
      // Nothing outside the article: the related-links box mentions a Senate race.
      expect(
        Object.values(painted)
          .flat()
          .some((t) => t.includes('Senate')),
      ).toBe(false);
      await page.screenshot(`${ARTIFACTS}/${driver.name}-highlights.png`);
    });

    it('changes none of the page markup while it highlights', async () => {
      const page = await open('arms-race/source.html');
      await page.waitFor(hasHighlights);
      const same = await page.evaluate(async () => {
        const source = await (await fetch(location.href)).text();
        const pristine = new DOMParser().parseFromString(source, 'text/html');
        return {
          article: pristine.querySelector('article')!.outerHTML === document.querySelector('article')!.outerHTML,
          marks: document.querySelectorAll('mark').length,
        };
      });
      expect(same).toEqual({ article: true, marks: 0 });
    });

    it('opens a card with counterpoints and sources on a click, and closes it on Escape', async () => {
      const page = await open('arms-race/source.html');
      await page.waitFor(hasHighlights);
      const point = await page.evaluate(pointInside, 'heavy-handed AI regulation');
      expect(point).not.toBeNull();
      await page.click(point!.x, point!.y);
      await page.waitFor(() => document.querySelector('counterframe-card') !== null);
      const text = await page.evaluate(cardText);
      expect(text).toContain('Safety as a handicap: regulation lets China win');
      expect(text).toContain('What this frame leaves out');
      expect(text).toContain('Treating AI as an arms race can make it one');
      const links = await page.evaluate(() =>
        [...document.querySelector('counterframe-card')!.shadowRoot!.querySelectorAll('a')].map((a) => `${a.target} ${a.rel} ${a.href}`),
      );
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link).toMatch(/^_blank noopener noreferrer https:\/\//);
      await page.screenshot(`${ARTIFACTS}/${driver.name}-card.png`);
      await page.press('Escape');
      await page.waitFor(() => document.querySelector('counterframe-card') === null);
    });

    it('leaves an article without the frame unhighlighted', async () => {
      // The framed page above shows the script at work in this browser; here it must find nothing.
      // Its text speaks of AI, so the highlighter comes and reads it: wait for that reading's verdict.
      const page = await open('no-framing/source.html');
      const helper = await driver.openExtensionPage('popup.html');
      const url = `${server.origin}/no-framing/source.html`;
      await vi.waitFor(async () => expect((await helper.evaluate(withTab, { url }))?.summary).toMatchObject({ reading: false, readings: 1 }), {
        timeout: 15_000,
        interval: 100,
      });
      expect((await helper.evaluate(withTab, { url }))?.summary).toMatchObject({ uses: 0, critiques: 0 });
      expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
      await helper.close();
    });
  });
}
