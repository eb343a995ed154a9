import { mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionErrors, type BrowserDriver, type ColorScheme, type TestPage } from './driver';
import { pngSize } from './png';
import { servedBrowser } from './served';
import { AXE, axeViolations } from './reading';
import { withTab } from './tabs';

/** Where the store-size screenshots go (1280×800, as both stores take them). */
const STORE = 'artifacts/store';

// In an extension page: the addresses of every open tab.
async function tabUrls(): Promise<string[]> {
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  return (await api.tabs.query({})).map((tab: { url?: string }) => tab.url ?? '');
}

/** The body's font size in px, and the smallest font size of any control or label. */
function typeSizes(): { body: number; smallest: number } {
  const px = (e: Element) => parseFloat(getComputedStyle(e).fontSize);
  const controls = [...document.querySelectorAll('button, label, input, li, p, td, th, dd')].filter((e) => (e as HTMLElement).offsetParent !== null);
  return { body: px(document.body), smallest: Math.min(...controls.map(px)) };
}

/** The extension's own pages (welcome, settings, popup): first install, accessibility, type, store screenshots. */
export function describeExtensionPages(label: string, launch: (scheme?: ColorScheme) => Promise<BrowserDriver>): void {
  describe(`the extension's pages in ${label}`, () => {
    const served = servedBrowser(launch);

    it('opens the welcome page on install: the marks, the card, the switch and the shortcuts', async () => {
      // The driver saw it open as the extension was installed (and closed it, so that it takes no
      // other test's foreground); once only, and not after the browser restarts with the same profile.
      expect(served.driver.welcomed).toEqual(['welcome.html']);
      const helper = await served.driver.openExtensionPage('popup.html');
      expect((await helper.evaluate(tabUrls)).filter((url) => url.endsWith('/welcome.html'))).toEqual([]);
      await helper.close();
      const welcome = await served.driver.openExtensionPage('welcome.html');
      await welcome.waitFor(() => document.querySelectorAll('table.shortcuts tr').length === 3);
      expect(await welcome.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Welcome to Counterframe');
      expect(await welcome.evaluate(() => [...document.querySelectorAll('h2')].map((h) => h.textContent))).toEqual([
        'What the marks mean',
        'The card',
        'On or off, site by site',
        'Keyboard shortcuts',
      ]);
      expect(await welcome.evaluate(() => [...document.querySelectorAll('table.shortcuts kbd')].map((k) => k.textContent))).toEqual([
        'Alt+Shift+J',
        'Alt+Shift+H',
        'Alt+Shift+K',
      ]);
      expect(await welcome.evaluate(() => document.getElementById('shortcuts-where')?.textContent)).toMatch(
        served.driver.name === 'firefox' ? /about:addons/ : /chrome:\/\/extensions\/shortcuts/,
      );
      expect(extensionErrors(welcome.errors)).toEqual([]);
      await welcome.close();
    });

    it('has readable type and no serious or critical axe violation on every extension page, in light and dark', async () => {
      const dark = await launch('dark');
      try {
        for (const browser of [served.driver, dark]) {
          for (const path of ['welcome.html', 'options.html', 'popup.html']) {
            const page: TestPage = await browser.openExtensionPage(path);
            await page.waitFor(() => (document.getElementById('app')?.childElementCount ?? 0) > 0);
            expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), path).toBe(browser.colorScheme === 'dark');
            const sizes = await page.evaluate(typeSizes);
            expect(sizes.body, `${path}: body`).toBeGreaterThanOrEqual(14);
            expect(sizes.smallest, `${path}: smallest text`).toBeGreaterThanOrEqual(12);
            await page.addScript(AXE);
            expect(await page.evaluate(axeViolations, null), `${path} in ${browser.colorScheme}`).toEqual([]);
            await page.close();
          }
        }
      } finally {
        await dark.close();
      }
    });

    it('makes the store screenshots, 1280×800: a page with its highlights and card, the welcome page, the settings page', async () => {
      mkdirSync(STORE, { recursive: true });
      const url = `${served.server.origin}/arms-race/source.html?store`;
      const page = await served.driver.open(url);
      await page.resize(1280, 800);
      await page.waitFor(() => (CSS.highlights.get('counterframe-uses')?.size ?? 0) > 0);
      const helper = await served.driver.openExtensionPage('popup.html');
      await helper.evaluate(withTab, { url, message: { type: 'highlight:show', index: 1 } });
      await helper.close();
      await page.waitFor(() => document.querySelector('counterframe-card') !== null);
      const shots = [
        `${STORE}/${served.driver.name}-1-card.png`,
        `${STORE}/${served.driver.name}-2-welcome.png`,
        `${STORE}/${served.driver.name}-3-settings.png`,
      ];
      await page.viewportShot(shots[0]!);
      for (const [path, shot] of [
        ['welcome.html', shots[1]!],
        ['options.html', shots[2]!],
      ] as const) {
        const extensionPage = await served.driver.openExtensionPage(path);
        await extensionPage.resize(1280, 800);
        await extensionPage.waitFor(() => (document.getElementById('app')?.childElementCount ?? 0) > 0);
        await extensionPage.viewportShot(shot);
        await extensionPage.close();
      }
      for (const shot of shots) expect(pngSize(readFileSync(shot)), shot).toEqual([1280, 800]);
    });

    it('places the card in a 1280×900 window off its passage, inside the window, its first counterpoint and "Not framing" in view, the rest a scroll away', async () => {
      const url = `${served.server.origin}/arms-race/source.html?placement`;
      const page = await served.driver.open(url);
      await page.resize(1280, 900);
      await page.waitFor(() => (CSS.highlights.get('counterframe-uses')?.size ?? 0) > 3);
      const helper = await served.driver.openExtensionPage('popup.html');
      for (const index of [0, 2, 5]) {
        const shown = await helper.evaluate(withTab, { url, message: { type: 'highlight:show', index } });
        const snippet: string = shown!.summary.highlights[index].snippet;
        await page.waitFor(() => document.querySelector('counterframe-card') !== null);
        const seen = await page.evaluate(
          (start: string) => {
            const host = document.querySelector('counterframe-card')!;
            const card = host.shadowRoot!.querySelector('.card') as HTMLElement;
            const box = card.getBoundingClientRect();
            // The passage: the highlighted sentence the popup's list names for this highlight.
            const ranges = ['counterframe-uses', 'counterframe-critiques']
              .flatMap((name) => [...((CSS.highlights.get(name) ?? []) as unknown as Iterable<Range>)])
              .filter((r) => r.toString().replace(/\s+/g, ' ').includes(start));
            const hit = (r: DOMRect) => r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom;
            const inWindow = (r: DOMRect) => r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
            const notFraming = host.shadowRoot!.querySelector('.not-framing')!.getBoundingClientRect();
            // The first counterpoint, what the frame leaves out, is what the card is opened for.
            const firstPoint = host.shadowRoot!.querySelector('.leaves-out li')!.getBoundingClientRect();
            const holds = [...host.shadowRoot!.querySelectorAll('h3')].at(-1)!;
            const holdsBefore = holds.getBoundingClientRect();
            const scrolls = card.scrollHeight > card.clientHeight + 1;
            const cue = getComputedStyle(card).backgroundAttachment.includes('local');
            // Scrolled to, inside the card: there, in the card and in the window.
            card.scrollTop = holds.offsetTop - card.offsetTop;
            card.scrollTop = Math.max(0, holds.getBoundingClientRect().top - card.getBoundingClientRect().top + card.scrollTop - 8);
            const holdsAfter = holds.getBoundingClientRect();
            const boxAfter = card.getBoundingClientRect();
            return {
              passageFound: ranges.length > 0,
              covers: ranges.some((r) => [...r.getClientRects()].some(hit)),
              inWindow: inWindow(box),
              notFramingInView: inWindow(notFraming) && notFraming.bottom <= box.bottom + 1 && notFraming.top >= box.top,
              firstPointInView: firstPoint.top >= box.top && firstPoint.bottom <= box.bottom,
              holdsInView: holdsBefore.bottom <= box.bottom && holdsBefore.top >= box.top,
              holdsCued: scrolls && cue,
              holdsReached: holdsAfter.top >= boxAfter.top && holdsAfter.bottom <= boxAfter.bottom && inWindow(holdsAfter),
            };
          },
          snippet.replace(/\s+/g, ' ').slice(0, 40),
        );
        expect(seen, `highlight ${index}`).toMatchObject({
          passageFound: true,
          covers: false,
          inWindow: true,
          notFramingInView: true,
          firstPointInView: true,
          holdsReached: true,
        });
        expect(seen.holdsInView || seen.holdsCued, `highlight ${index}: "Where the frame holds" in view or cued`).toBe(true);
        await page.press('Escape');
        await page.waitFor(() => document.querySelector('counterframe-card') === null);
      }
      await page.viewportShot(`${STORE}/${served.driver.name}-card-1280x900.png`);
      await helper.close();
      await page.close();
    });
  });
}
