import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { launchChromium, launchFirefox } from '../../../scripts/lib/browsers';

/** The little of a browser page the scenarios need, the same for both drivers. */
export interface TestPage {
  evaluate<T, A = undefined>(fn: (arg: A) => T, arg?: A): Promise<T>;
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeout?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserDriver {
  name: 'chromium' | 'firefox';
  open(url: string): Promise<TestPage>;
  close(): Promise<void>;
}

const WAIT = 15_000;

function fromPlaywright(page: PlaywrightPage): TestPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
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
    waitFor: async (fn, arg, timeout = WAIT) => void (await page.waitForFunction(fn as never, { timeout, polling: 100 }, arg)),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as never),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png`, fullPage: true })),
    close: () => page.close(),
  };
}

export async function chromiumDriver(): Promise<BrowserDriver> {
  const session = await launchChromium();
  return {
    name: 'chromium',
    async open(url) {
      const page = await session.context.newPage();
      await page.goto(url);
      return fromPlaywright(page);
    },
    close: () => session.close(),
  };
}

export async function firefoxDriver(): Promise<BrowserDriver> {
  const browser = await launchFirefox();
  return {
    name: 'firefox',
    async open(url) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 });
      await page.goto(url);
      return fromPuppeteer(page);
    },
    close: () => browser.close(),
  };
}
