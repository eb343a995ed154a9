import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const CHROME_BUILD = resolve('.output/chrome-mv3');
export const FIREFOX_BUILD = resolve('.output/firefox-mv2');
/**
 * Firefox takes a language for its interface (and so for the extension's words) only from a language
 * pack: Debian's, for the tests that read the card in Chinese.
 */
export const FIREFOX_LANGUAGE_PACKS: Record<string, string> = {
  'zh-CN': '/usr/lib/firefox-esr/browser/extensions/langpack-zh-CN@firefox-esr.mozilla.org.xpi',
  'zh-TW': '/usr/lib/firefox-esr/browser/extensions/langpack-zh-TW@firefox-esr.mozilla.org.xpi',
};

// Debian's Chromium, as this machine needs it: no sandbox as root, and no calls home.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-quic',
];

export interface ChromiumSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension loaded, in a fresh profile (or the one given, to test restarts);
 * `language` is its interface's ("zh-CN"), which the extension's words follow.
 */
export async function launchChromium(
  options: { headless?: boolean; profile?: string; colorScheme?: 'light' | 'dark'; downloads?: string; language?: string } = {},
): Promise<ChromiumSession> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'counterframe-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: [
      ...CHROMIUM_FLAGS,
      ...(options.language ? [`--lang=${options.language}`] : []),
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
    ],
    viewport: { width: 1100, height: 900 },
    ...(options.language && { locale: options.language }),
    colorScheme: options.colorScheme ?? 'light',
    ...(options.downloads ? { downloadsPath: options.downloads } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

const FIREFOX_ADDON_ID = 'counterframe@counterframe.invalid';
/** Fixed so that tests can open the extension's pages at moz-extension://<uuid>/. */
export const FIREFOX_ADDON_UUID = '6b1d3c3e-2f4a-4d51-9a57-3c0f2a7e9b10';

/**
 * Firefox ESR over WebDriver BiDi with the built extension installed as a temporary add-on. With a
 * `profile`, a restart reuses it: the add-on is installed again and finds its stored settings. A
 * `language` ("zh-CN") is its interface's, from its language pack (FIREFOX_LANGUAGE_PACKS).
 */
export async function launchFirefox(
  options: { profile?: string; colorScheme?: 'light' | 'dark'; downloads?: string; language?: string } = {},
): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    ...(options.profile ? { userDataDir: options.profile } : {}),
    // Firefox 153+ lets WebDriver open moz-extension:// pages (the popup, the options page) only with this.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_ADDON_UUID }),
      ...(options.language && { 'intl.locale.requested': options.language }),
      // What pages see as prefers-color-scheme: 0 dark, 1 light (WebDriver BiDi cannot emulate it).
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      // A temporary add-on is removed when Firefox closes; keep its storage so a restart can be tested.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      // No update checks, telemetry or other traffic that this closed machine would refuse.
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      // Downloads go to this folder, unasked.
      ...(options.downloads
        ? {
            'browser.download.dir': options.downloads,
            'browser.download.folderList': 2,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
          }
        : {}),
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return browser;
}
