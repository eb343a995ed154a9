import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolders, type StaticServer } from '../../../scripts/lib/server';
import type { BrowserDriver, ColorScheme } from './driver';
import { ARTIFACTS } from './scenarios';
import { withTab } from './tabs';

export const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const hasHighlights = () => (CSS.highlights.get('counterframe-uses')?.size ?? 0) > 0;
const cardQuote = () => document.querySelector('counterframe-card')?.shadowRoot?.querySelector('mark')?.textContent ?? null;
const highlightTotal = () => (CSS.highlights.get('counterframe-uses')?.size ?? 0) + (CSS.highlights.get('counterframe-critiques')?.size ?? 0);

// In a page with axe-core loaded: serious or critical violations, of the nodes inside `scope` (a selector) or all.
export async function axeViolations(scope: string | null): Promise<string[]> {
  const axe = (window as any).axe;
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations
    .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v: any) =>
      v.nodes.filter((n: any) => !scope || JSON.stringify(n.target).includes(scope)).map((n: any) => `${v.id}: ${JSON.stringify(n.target)}`),
    );
}

/** Reading with Counterframe: the card, the keyboard, the popup list, "not framing", late content. */
export function describeReading(label: string, launch: (scheme?: ColorScheme) => Promise<BrowserDriver>): void {
  describe(`reading with Counterframe in ${label}`, () => {
    let server: StaticServer;
    let driver: BrowserDriver;
    let origin: string;

    beforeAll(async () => {
      server = await serveFolders({ '/': 'tests/fixtures/pages' });
      origin = server.origin;
      driver = await launch();
    });

    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    const extensionPage = async (path = 'popup.html') => driver.openExtensionPage(path);

    it('reaches every highlight by the keyboard command, each opening its card, and gives focus back on Escape', async () => {
      const url = `${origin}/arms-race/source.html?keyboard`;
      const page = await driver.open(url);
      await page.waitFor(hasHighlights);
      await page.evaluate(() => (document.querySelector('a[href="/politics"]') as HTMLElement).focus());
      const total = await page.evaluate(highlightTotal);
      const helper = await extensionPage();
      const quotes: string[] = [];
      for (let i = 0; i < total; i++) {
        // What the background sends when the reader presses the "next highlight" keys.
        expect(await helper.evaluate(withTab, { url, message: { type: 'highlight:step', direction: 1 } })).not.toBeNull();
        await page.waitFor(
          (previous: string | null) => {
            const host = document.querySelector('counterframe-card');
            const quote = host?.shadowRoot?.querySelector('mark')?.textContent ?? null;
            return quote !== null && quote !== previous && host!.shadowRoot!.activeElement?.getAttribute('role') === 'dialog';
          },
          quotes.at(-1) ?? null,
        );
        const visible = await page.evaluate(() => {
          const box = document.querySelector('counterframe-card')!.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight + 1 && box.left >= 0 && box.right <= innerWidth;
        });
        expect(visible, `card ${i + 1} inside the viewport`).toBe(true);
        quotes.push((await page.evaluate(cardQuote))!);
      }
      expect(quotes).toHaveLength(total);
      await page.press('Escape');
      await page.waitFor(() => document.querySelector('counterframe-card') === null);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/politics');
    });

    it('jumps from the popup list to a highlight and opens its card', async () => {
      const url = `${origin}/arms-race/source.html?popup`;
      const page = await driver.open(url);
      await page.waitFor(hasHighlights);
      const helper = await extensionPage();
      const tabId = (await helper.evaluate(withTab, { url }))?.tabId;
      const popup = await extensionPage(`popup.html?tab=${tabId}`);
      await popup.waitFor(() => document.querySelectorAll('button.highlight').length > 3);
      const listed = await popup.evaluate(() => [...document.querySelectorAll('button.highlight')].map((b) => b.querySelector('.snippet')!.textContent));
      await popup.evaluate(() => (document.querySelectorAll('button.highlight')[3] as HTMLButtonElement).click());
      await page.waitFor(() => document.querySelector('counterframe-card') !== null);
      const quote = await page.evaluate(cardQuote);
      expect(listed[3]).toContain(quote!);
      await popup.addScript(AXE);
      expect(await popup.evaluate(axeViolations, null)).toEqual([]);
      await popup.screenshot(`${ARTIFACTS}/${driver.name}-popup.png`);
    });

    it('has an accessible card (axe-core finds no serious or critical violation), in light and dark', async () => {
      // The dark pass runs in a browser of its own, started with a dark colour scheme.
      const dark = await launch('dark');
      try {
        for (const browser of [driver, dark]) {
          const url = `${origin}/arms-race/source.html?axe`;
          const page = await browser.open(url);
          await page.waitFor(hasHighlights);
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(browser.colorScheme === 'dark');
          await page.addScript(AXE);
          await page.screenshot(`${ARTIFACTS}/${browser.name}-highlights-${browser.colorScheme}.png`);
          const helper = await browser.openExtensionPage('popup.html');
          await helper.evaluate(withTab, { url, message: { type: 'highlight:show', index: 5 } });
          await page.waitFor(() => document.querySelector('counterframe-card') !== null);
          expect(await page.evaluate(axeViolations, 'counterframe-card')).toEqual([]);
          await page.screenshot(`${ARTIFACTS}/${browser.name}-card-${browser.colorScheme}.png`);
        }
      } finally {
        await dark.close();
      }
    });

    it('hides a passage marked "not framing", and it stays hidden after a reload', async () => {
      const url = `${origin}/arms-race/source.html?not-framing`;
      const page = await driver.open(url);
      await page.waitFor(hasHighlights);
      const before = await page.evaluate(highlightTotal);
      const helper = await extensionPage();
      await helper.evaluate(withTab, { url, message: { type: 'highlight:show', index: 0 } });
      await page.waitFor(() => document.querySelector('counterframe-card') !== null);
      const hidden = await page.evaluate(cardQuote);
      await page.evaluate(() => (document.querySelector('counterframe-card')!.shadowRoot!.querySelector('button.not-framing') as HTMLButtonElement).click());
      await page.waitFor(
        (n: number) => (CSS.highlights.get('counterframe-uses')?.size ?? 0) + (CSS.highlights.get('counterframe-critiques')?.size ?? 0) === n - 1,
        before,
      );
      await page.reload();
      await page.waitFor(hasHighlights);
      await page.waitFor(
        (n: number) => (CSS.highlights.get('counterframe-uses')?.size ?? 0) + (CSS.highlights.get('counterframe-critiques')?.size ?? 0) === n - 1,
        before,
      );
      const painted = await page.evaluate(() =>
        [...((CSS.highlights.get('counterframe-trigger') as unknown as Iterable<Range>) ?? [])].map((r) => r.toString()),
      );
      expect(painted).not.toContain(hidden);
    });

    it('highlights a framed paragraph that arrives seconds after load, changing no markup', async () => {
      const page = await driver.open(`${origin}/late/source.html`);
      await page.waitFor(() => document.querySelectorAll('#more p').length === 1);
      await page.waitFor(hasHighlights, undefined, 20_000);
      const painted = await page.evaluate(() => [...((CSS.highlights.get('counterframe-uses') as unknown as Iterable<Range>) ?? [])].map((r) => r.toString()));
      expect(painted).toEqual(['Industry lobbyists told the hearing that the grid upgrades are essential if America is to win the AI race against China.']);
      expect(await page.evaluate(() => document.querySelectorAll('mark').length)).toBe(0);
    });
  });
}
