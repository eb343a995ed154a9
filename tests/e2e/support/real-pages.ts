import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bodyText } from '../../../src/gate/body-text';
import { hasContextWords } from '../../../src/gate/first-look';
import { bundledGate, gateScriptPatterns } from '../../support/bundled-gate';
import { serveFolders, type StaticServer } from '../../../scripts/lib/server';
import { CORPUS, corpusPages } from '../../support/shared';
import { extensionErrors, type BrowserDriver, type TestPage } from './driver';
import { withTab } from './tabs';

// Keeps the DOM as parsed, before the extension's document_idle script can run, to compare with afterwards.
const KEEP_PARSED_DOM = `document.addEventListener('DOMContentLoaded', () => { window.__parsedDom = document.documentElement.outerHTML; }, { once: true });`;

/** How long one page may take to be read before it counts as a problem: a hang, not a speed target. */
const PAGE_WAIT = 20_000;

type Summary = { reading: boolean; uses: number; critiques: number };

/**
 * Whether the gate script's first look lets the page on, worked out here with the script's own
 * function and patterns on the page as parsed (its scripts do not run: the server forbids them). The
 * gate script answers nobody when it turns a page away, so this is how the test knows what to wait for.
 */
function passesFirstLook(html: string): boolean {
  const dom = new JSDOM(html);
  try {
    return hasContextWords(gateScriptPatterns, bundledGate.mentions, bodyText(dom.window.document));
  } finally {
    dom.window.close();
  }
}

/** The page's summary once the highlighter has read it with the user's settings; null where no highlighter is there. */
async function settled(helper: TestPage, url: string, wanted: boolean): Promise<Summary | null> {
  if (!wanted) return ((await helper.evaluate(withTab, { url }))?.summary as Summary | null) ?? null;
  let last: Summary | null = null;
  await vi
    .waitFor(
      async () => {
        last = ((await helper.evaluate(withTab, { url }))?.summary as Summary | null) ?? null;
        if (!last || last.reading) throw new Error('not read yet');
      },
      { timeout: PAGE_WAIT, interval: 100 },
    )
    .catch(() => {});
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
      for (const { name, file } of pages) {
        const url = `${server.origin}/corpus/${name}/source.html`;
        const wanted = passesFirstLook(readFileSync(file, 'utf8'));
        if (!wanted) turnedAway++;
        let page: TestPage;
        try {
          page = await driver.open(url, KEEP_PARSED_DOM);
        } catch (error) {
          problems.push(`${name}: the browser could not open it: ${(error as Error).message.split('\n')[0]}`);
          continue;
        }
        try {
          const summary = await settled(helper, url, wanted);
          if (!wanted && summary) problems.push(`${name}: the gate script's first look turns it away here, but the highlighter came`);
          else if (wanted && (!summary || summary.reading)) problems.push(`${name}: not read within ${PAGE_WAIT} ms`);
          else if (summary && summary.uses + summary.critiques > 0) problems.push(`${name}: ${summary.uses + summary.critiques} highlights`);
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
