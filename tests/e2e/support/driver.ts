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
  /** Runs a script's source in the page (to bring in axe-core). */
  addScript(source: string): Promise<void>;
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeout?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** The window's inner size from now on (a store's screenshot is 1280×800), and a screenshot of just that. */
  resize(width: number, height: number): Promise<void>;
  viewportShot(path: string): Promise<void>;
  /** A PNG of this part of the viewport (CSS pixels, the page not scrolled). */
  clipShot(clip: Clip): Promise<Uint8Array>;
  /** Console errors and uncaught errors in the page so far, each as "where: what". */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Errors the extension itself caused: logged from its own files, or naming it. */
export function extensionErrors(errors: string[]): string[] {
  return errors.filter((e) => /(chrome|moz)-extension:\/\/|counterframe/i.test(e));
}

export type ColorScheme = 'light' | 'dark';

export interface BrowserDriver {
  name: 'chromium' | 'firefox';
  colorScheme: ColorScheme;
  /** Opens a page; `initScript` runs in it before any of its own scripts. */
  open(url: string, initScript?: string): Promise<TestPage>;
  /** Opens one of the extension's own pages ("popup.html?tab=3"). */
  openExtensionPage(path: string): Promise<TestPage>;
  /**
   * The pages the extension opened by itself as it was installed (its welcome page), each closed
   * once seen, so that no test's page loses the foreground to it.
   */
  welcomed: string[];
  /** Where the browser saves downloads, unasked. */
  downloads: string;
  /** Closes the browser and starts it again with the same profile. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const WAIT = 15_000;

function fromPlaywright(page: PlaywrightPage): TestPage {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.location().url}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.stack ?? error.message}`));
  return {
    errors,
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    reload: async () => void (await page.reload()),
    addScript: async (source) => void (await page.evaluate(source)),
    waitFor: async (fn, arg, timeout = WAIT) => void (await page.waitForFunction(fn as never, arg, { timeout })),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
    resize: (width, height) => page.setViewportSize({ width, height }),
    viewportShot: async (path) => void (await page.screenshot({ path })),
    clipShot: (clip) => page.screenshot({ clip }),
    close: () => page.close(),
  };
}

/**
 * Polls a condition in the page. Firefox's Remote Agent sometimes fails one evaluation while a realm
 * is being replaced (a reload, an extension page settling); that counts as "not yet", and the last
 * such error is reported if the condition never holds.
 */
async function poll<A>(page: PuppeteerPage, fn: (arg: A) => unknown, arg: A, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate(fn as never, arg)) return;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(
    `the condition did not hold within ${timeout} ms${lastError ? ` (last error: ${(lastError as Error).message})` : ''}: ${fn.toString().slice(0, 200)}`,
  );
}

function fromPuppeteer(page: PuppeteerPage): TestPage {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.location().url ?? ''}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${(error as Error).stack ?? String(error)}`));
  return {
    errors,
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    reload: async () => void (await page.reload()),
    addScript: async (source) => void (await page.evaluate(source)),
    waitFor: (fn, arg, timeout = WAIT) => poll(page, fn, arg as never, timeout),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as never),
    screenshot: async (path) => void (await page.screenshot({ path: path, fullPage: true })),
    resize: (width, height) => page.setViewport({ width, height }),
    viewportShot: async (path) => void (await page.screenshot({ path })),
    clipShot: (clip) => page.screenshot({ clip }),
    close: () => page.close(),
  };
}

const WELCOME = /\/welcome\.html$/;
/** How long a fresh install is given to open its welcome page. */
const WELCOME_WAIT = 10_000;

/** A browser for the scenarios, in a colour scheme and, where given, an interface language ("zh-CN"). */
export type LaunchBrowser = (colorScheme?: ColorScheme, language?: string) => Promise<BrowserDriver>;

export async function chromiumDriver(colorScheme: ColorScheme = 'light', language?: string): Promise<BrowserDriver> {
  const profile = mkdtempSync(join(tmpdir(), 'counterframe-chromium-'));
  const downloads = mkdtempSync(join(tmpdir(), 'counterframe-downloads-'));
  let session: ChromiumSession = await launchChromium({ profile, colorScheme, downloads, language });
  const welcomed: string[] = [];
  const closeWelcome = async () => {
    const page =
      session.context.pages().find((p) => WELCOME.test(p.url())) ??
      (await session.context.waitForEvent('page', { predicate: (p) => WELCOME.test(p.url()), timeout: WELCOME_WAIT }).catch(() => null));
    if (!page) return;
    welcomed.push(new URL(page.url()).pathname.slice(1));
    await page.close();
  };
  await closeWelcome();
  const extensionId = async () => {
    const worker = session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker'));
    return new URL(worker.url()).host;
  };
  const open = async (url: string, initScript?: string) => {
    const page = await session.context.newPage();
    if (initScript) await page.addInitScript(initScript);
    const test = fromPlaywright(page);
    await page.goto(url).catch(async (error: unknown) => {
      await page.close().catch(() => {});
      throw error;
    });
    return test;
  };
  return {
    name: 'chromium',
    colorScheme,
    welcomed,
    downloads,
    open,
    openExtensionPage: async (path) => open(`chrome-extension://${await extensionId()}/${path}`),
    async restart() {
      await session.context.close();
      // Not an install: no welcome page to wait for.
      session = await launchChromium({ profile, colorScheme, downloads, language });
    },
    close: () => session.close(),
  };
}

export async function firefoxDriver(colorScheme: ColorScheme = 'light', language?: string): Promise<BrowserDriver> {
  const profile = mkdtempSync(join(tmpdir(), 'counterframe-firefox-'));
  const downloads = mkdtempSync(join(tmpdir(), 'counterframe-downloads-'));
  let browser = await launchFirefox({ profile, colorScheme, downloads, language });
  const welcomed: string[] = [];
  // A temporary add-on is installed anew at each start, and opens its welcome page each time. The
  // Remote Agent does not list that tab with its address: the extension's own API finds and closes it.
  const closeWelcome = async (record: boolean) => {
    const helper = await browser.newPage();
    void helper.goto(`moz-extension://${FIREFOX_ADDON_UUID}/popup.html`, { waitUntil: [], timeout: 0 }).catch(() => {});
    await poll(helper, () => document.readyState === 'complete' && location.protocol === 'moz-extension:', undefined, WAIT);
    const closed = await helper
      .evaluate(async (wait: number) => {
        const api = (globalThis as any).browser;
        const deadline = Date.now() + wait;
        while (Date.now() < deadline) {
          const tabs = (await api.tabs.query({})).filter((tab: { url?: string }) => tab.url?.endsWith('/welcome.html'));
          if (tabs.length > 0) {
            await api.tabs.remove(tabs.map((tab: { id: number }) => tab.id));
            return tabs.map(() => 'welcome.html');
          }
          await new Promise((done) => setTimeout(done, 100));
        }
        return [];
      }, WELCOME_WAIT)
      .catch(() => [] as string[]);
    await helper.close();
    if (record) welcomed.push(...closed);
  };
  await closeWelcome(true);
  const open = async (url: string, initScript?: string) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    if (initScript) await page.evaluateOnNewDocument(initScript);
    const test = fromPuppeteer(page);
    await page.goto(url).catch(async (error: unknown) => {
      // Firefox's Remote Agent can fail a navigation that did load, when a frame of the page could not
      // (an embed whose host does not resolve here: "Address rejected"). The page is what counts.
      const loaded = await poll(page, (href: string) => location.href === href && document.readyState === 'complete', url, WAIT).then(
        () => true,
        () => false,
      );
      if (loaded) return;
      await page.close().catch(() => {});
      throw error;
    });
    return test;
  };
  return {
    name: 'firefox',
    colorScheme,
    welcomed,
    downloads,
    open,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      // Firefox's Remote Agent never reports the load of a moz-extension:// page: start the navigation
      // without waiting for that, then wait for the page itself.
      void page.goto(`moz-extension://${FIREFOX_ADDON_UUID}/${path}`, { waitUntil: [], timeout: 0 }).catch(() => {});
      await poll(
        page,
        (prefix: string) => location.href.startsWith(prefix) && document.readyState === 'complete',
        `moz-extension://${FIREFOX_ADDON_UUID}/`,
        WAIT,
      );
      return fromPuppeteer(page);
    },
    async restart() {
      await browser.close();
      browser = await launchFirefox({ profile, colorScheme, downloads, language });
      await closeWelcome(false);
    },
    close: () => browser.close(),
  };
}
