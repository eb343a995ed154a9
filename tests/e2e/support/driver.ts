import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIREFOX_ADDON_UUID, launchChromium, launchFirefox, type ChromiumSession } from '../../../scripts/lib/browsers';

/** The little of a browser page the scenarios need, the same for both drivers. */
export interface TestPage {
  evaluate<T, A = undefined>(fn: (arg: A) => T, arg?: A): Promise<T>;
  reload(): Promise<void>;
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeout?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserDriver {
  name: 'chromium' | 'firefox';
  open(url: string): Promise<TestPage>;
  /** Opens one of the extension's own pages ("popup.html?tab=3"). */
  openExtensionPage(path: string): Promise<TestPage>;
  /** Closes the browser and starts it again with the same profile. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const WAIT = 15_000;

function fromPlaywright(page: PlaywrightPage): TestPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    reload: async () => void (await page.reload()),
    waitFor: async (fn, arg, timeout = WAIT) => void (await page.waitForFunction(fn as never, arg, { timeout })),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
    close: () => page.close(),
  };
}

function fromPuppeteer(page: PuppeteerPage): TestPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    reload: async () => void (await page.reload()),
    waitFor: async (fn, arg, timeout = WAIT) => void (await page.waitForFunction(fn as never, { timeout, polling: 100 }, arg)),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as never),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png`, fullPage: true })),
    close: () => page.close(),
  };
}

export async function chromiumDriver(): Promise<BrowserDriver> {
  const profile = mkdtempSync(join(tmpdir(), 'counterframe-chromium-'));
  let session: ChromiumSession = await launchChromium({ profile });
  const extensionId = async () => {
    const worker = session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker'));
    return new URL(worker.url()).host;
  };
  const open = async (url: string) => {
    const page = await session.context.newPage();
    await page.goto(url);
    return fromPlaywright(page);
  };
  return {
    name: 'chromium',
    open,
    openExtensionPage: async (path) => open(`chrome-extension://${await extensionId()}/${path}`),
    async restart() {
      await session.context.close();
      session = await launchChromium({ profile });
    },
    close: () => session.close(),
  };
}

export async function firefoxDriver(): Promise<BrowserDriver> {
  const profile = mkdtempSync(join(tmpdir(), 'counterframe-firefox-'));
  let browser = await launchFirefox({ profile });
  const open = async (url: string) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(url);
    return fromPuppeteer(page);
  };
  return {
    name: 'firefox',
    open,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      // Firefox's Remote Agent never reports the load of a moz-extension:// page: start the navigation
      // without waiting for that, then wait for the page itself.
      void page.goto(`moz-extension://${FIREFOX_ADDON_UUID}/${path}`, { waitUntil: [], timeout: 0 }).catch(() => {});
      await page.waitForFunction((prefix: string) => location.href.startsWith(prefix) && document.readyState === 'complete', { timeout: WAIT, polling: 100 }, `moz-extension://${FIREFOX_ADDON_UUID}/`);
      return fromPuppeteer(page);
    },
    async restart() {
      await browser.close();
      browser = await launchFirefox({ profile });
    },
    close: () => browser.close(),
  };
}
