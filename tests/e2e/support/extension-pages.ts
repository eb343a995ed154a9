import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolders, type StaticServer } from '../../../scripts/lib/server';
import { extensionErrors, type BrowserDriver, type ColorScheme, type TestPage } from './driver';
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

const pngSize = (path: string) => {
  const png = readFileSync(path);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
};

/** The extension's own pages (welcome, settings, popup): first install, accessibility, type, store screenshots. */
export function describeExtensionPages(label: string, launch: (scheme?: ColorScheme) => Promise<BrowserDriver>): void {
  describe(`the extension's pages in ${label}`, () => {
    let server: StaticServer;
    let driver: BrowserDriver;
    beforeAll(async () => {
      server = await serveFolders({ '/': 'tests/fixtures/pages' });
      driver = await launch();
    });
    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    it('opens the welcome page on install: the marks, the card, the switch and the shortcuts', async () => {
      const helper = await driver.openExtensionPage('popup.html');
      await helper.waitFor(async () => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        return (await api.tabs.query({})).some((tab: { url?: string }) => tab.url?.endsWith('/welcome.html'));
      });
      expect((await helper.evaluate(tabUrls)).filter((url) => url.endsWith('/welcome.html'))).toHaveLength(1);
      await helper.close();
      const welcome = await driver.openExtensionPage('welcome.html');
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
        driver.name === 'firefox' ? /about:addons/ : /chrome:\/\/extensions\/shortcuts/,
      );
      expect(extensionErrors(welcome.errors)).toEqual([]);
      await welcome.close();
    });

    it('has readable type and no serious or critical axe violation on every extension page, in light and dark', async () => {
      const dark = await launch('dark');
      try {
        for (const browser of [driver, dark]) {
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
      const url = `${server.origin}/arms-race/source.html?store`;
      const page = await driver.open(url);
      await page.resize(1280, 800);
      await page.waitFor(() => (CSS.highlights.get('counterframe-uses')?.size ?? 0) > 0);
      const helper = await driver.openExtensionPage('popup.html');
      await helper.evaluate(withTab, { url, message: { type: 'highlight:show', index: 1 } });
      await helper.close();
      await page.waitFor(() => document.querySelector('counterframe-card') !== null);
      const shots = [`${STORE}/${driver.name}-1-card.png`, `${STORE}/${driver.name}-2-welcome.png`, `${STORE}/${driver.name}-3-settings.png`];
      await page.viewportShot(shots[0]!);
      for (const [path, shot] of [
        ['welcome.html', shots[1]!],
        ['options.html', shots[2]!],
      ] as const) {
        const extensionPage = await driver.openExtensionPage(path);
        await extensionPage.resize(1280, 800);
        await extensionPage.waitFor(() => (document.getElementById('app')?.childElementCount ?? 0) > 0);
        await extensionPage.viewportShot(shot);
        await extensionPage.close();
      }
      for (const shot of shots) expect(pngSize(shot), shot).toEqual([1280, 800]);
    });
  });
}
