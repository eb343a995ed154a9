import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolders, type StaticServer } from '../../../scripts/lib/server';
import { CORPUS, corpusPages } from '../../support/shared';
import { extensionErrors, type BrowserDriver, type TestPage } from './driver';
import { withTab } from './tabs';

// Keeps the DOM as parsed, before the extension's document_idle script can run, to compare with afterwards.
const KEEP_PARSED_DOM = `document.addEventListener('DOMContentLoaded', () => { window.__parsedDom = document.documentElement.outerHTML; }, { once: true });`;

/** How long one page may take to be read before it counts as a problem: a hang, not a speed target. */
const PAGE_WAIT = 20_000;
/**
 * A loaded page without a reader this long after it opened was turned away by the gate script, which
 * answers nobody (it runs on every page and does nothing it need not). The gate takes milliseconds.
 */
const GATE_GRACE = 1_500;

type Summary = { reading: boolean; uses: number; critiques: number };

/** Waits until the page's reader has read it with the reader's settings (its last summary), or the gate has turned it away. */
async function settled(helper: TestPage, url: string): Promise<Summary | 'turned away' | null> {
  const opened = Date.now();
  let last: Summary | null = null;
  while (Date.now() < opened + PAGE_WAIT) {
    const tab = await helper.evaluate(withTab, { url }).catch(() => null);
    last = tab?.summary ?? null;
    if (last && !last.reading) return last;
    if (tab && !last && Date.now() > opened + GATE_GRACE) return 'turned away';
    await new Promise((done) => setTimeout(done, 100));
  }
  return last;
}

/**
 * Every page of the shared corpus with the extension loaded: none is about an AI race, so none may be
 * highlighted; the page's DOM must be as parsed; and nothing from the extension may reach the console.
 * The pages' own scripts are blocked (a CSP header), so any change to the DOM would be the extension's.
 */
export function describeRealPages(label: string, launch: () => Promise<BrowserDriver>): void {
  describe(`the corpus's real pages in ${label}`, () => {
    let server: StaticServer;
    let driver: BrowserDriver;
    let helper: TestPage;

    beforeAll(async () => {
      server = await serveFolders({ '/corpus/': CORPUS }, { 'content-security-policy': "script-src 'none'" });
      driver = await launch();
      helper = await driver.openExtensionPage('popup.html');
    });
    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    it('no page gets a highlight, a changed DOM or an error from the extension', async () => {
      const problems: string[] = [];
      let turnedAway = 0;
      const pages = corpusPages();
      for (const { name } of pages) {
        const url = `${server.origin}/corpus/${name}/source.html`;
        let page: TestPage;
        try {
          page = await driver.open(url, KEEP_PARSED_DOM);
        } catch (error) {
          problems.push(`${name}: the browser could not open it: ${(error as Error).message.split('\n')[0]}`);
          continue;
        }
        try {
          const summary = await settled(helper, url);
          if (summary === 'turned away') turnedAway++;
          else if (!summary || summary.reading) problems.push(`${name}: not read within ${PAGE_WAIT} ms`);
          else if (summary.uses + summary.critiques > 0) problems.push(`${name}: ${summary.uses + summary.critiques} highlights`);
          const state = await page.evaluate(() => ({
            unchanged: (window as any).__parsedDom === document.documentElement.outerHTML,
            highlights: [...CSS.highlights.keys()].filter((k) => String(k).startsWith('counterframe')).length,
            ours: document.querySelectorAll('mark[data-counterframe], counterframe-card').length,
          }));
          if (!state.unchanged) problems.push(`${name}: the DOM changed`);
          if (state.highlights + state.ours > 0) problems.push(`${name}: painted something`);
          for (const error of extensionErrors(page.errors)) problems.push(`${name}: ${error}`);
        } finally {
          await page.close().catch(() => {});
        }
      }
      expect(pages.length).toBe(65);
      expect(problems).toEqual([]);
      // Most of these pages never mention AI: the gate script alone deals with them, without the reader.
      expect(turnedAway).toBeGreaterThan(pages.length / 2);
    }, 900_000);
  });
}
