import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolders, type StaticServer } from '../../../scripts/lib/server';
import { CORPUS, corpusPages } from '../../support/shared';
import { extensionErrors, type BrowserDriver, type TestPage } from './driver';
import { withTab } from './tabs';

// Keeps the DOM as parsed, before the extension's document_idle script can run, to compare with afterwards.
const KEEP_PARSED_DOM = `document.addEventListener('DOMContentLoaded', () => { window.__parsedDom = document.documentElement.outerHTML; }, { once: true });`;

/** How long one page may take to be read before it counts as a problem: a hang, not a speed target. */
const PAGE_WAIT = 20_000;

/** Waits until the page's content script has read it with the reader's settings; its last summary. */
async function settled(helper: TestPage, url: string): Promise<{ reading: boolean; uses: number; critiques: number } | null> {
  const deadline = Date.now() + PAGE_WAIT;
  let last = null;
  while (Date.now() < deadline) {
    last = (await helper.evaluate(withTab, { url }).catch(() => null))?.summary ?? null;
    if (last && !last.reading) return last;
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
          if (!summary || summary.reading) problems.push(`${name}: not read within ${PAGE_WAIT} ms`);
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
    }, 900_000);
  });
}
