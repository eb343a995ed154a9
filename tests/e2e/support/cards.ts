import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserDriver, LaunchBrowser, TestPage } from './driver';
import { ARTIFACTS } from './scenarios';
import { serveFixturePages } from './served';
import { withTab } from './tabs';

const hasHighlights = () => CSS.highlights.size > 0 && (CSS.highlights.get('counterframe-trigger')?.size ?? 0) > 0;

/** In the page: the open card's frames, each with its claims' count and its "where it holds" points. */
function openCard(): { lang: string | null; headings: string[]; frames: { name: string; claims: number; holds: number }[] } | null {
  const dialog = document.querySelector('counterframe-card')?.shadowRoot?.querySelector('[role="dialog"]');
  if (!dialog) return null;
  return {
    lang: dialog.getAttribute('lang'),
    headings: [...dialog.querySelectorAll('h2, h3')].map((h) => h.textContent ?? ''),
    frames: [...dialog.querySelectorAll('.frame-section')].map((section) => ({
      name: section.querySelector('.frame')?.textContent ?? '',
      claims: section.querySelectorAll('.says').length,
      holds: section.querySelectorAll('.holds li').length,
    })),
  };
}

/** Shows highlight `index` of the page at `url` from an extension page, and waits for its card. */
async function showCard(driver: BrowserDriver, page: TestPage, url: string, index: number) {
  const helper = await driver.openExtensionPage('popup.html');
  try {
    expect(await helper.evaluate(withTab, { url, message: { type: 'highlight:show', index } })).not.toBeNull();
  } finally {
    await helper.close();
  }
  await page.waitFor(() => document.querySelector('counterframe-card')?.shadowRoot?.querySelector('.frame-section') !== null);
  return (await page.evaluate(openCard))!;
}

/** The card as a reader meets it: fair on every claim, and in the reader's language. */
export function describeCards(label: string, launch: LaunchBrowser): void {
  describe(`the card in ${label}`, () => {
    const server = serveFixturePages();

    it('shows, on every card of a page, a "where it holds" point for each frame it names', async () => {
      const driver = await launch();
      try {
        const url = `${server.origin}/arms-race/source.html?holds`;
        const page = await driver.open(url);
        await page.waitFor(hasHighlights);
        const total = await page.evaluate(
          () => (CSS.highlights.get('counterframe-uses')?.size ?? 0) + (CSS.highlights.get('counterframe-critiques')?.size ?? 0),
        );
        expect(total).toBeGreaterThan(5);
        for (let index = 0; index < total; index++) {
          const card = await showCard(driver, page, url, index);
          expect(card.frames.length, `card ${index}`).toBeGreaterThan(0);
          for (const frame of card.frames) {
            expect(frame.claims, `${frame.name} on card ${index}`).toBeGreaterThan(0);
            expect(frame.holds, `${frame.name} on card ${index}`).toBeGreaterThan(0);
          }
          await page.press('Escape');
          await page.waitFor(() => document.querySelector('counterframe-card') === null);
        }
      } finally {
        await driver.close();
      }
    });

    // zh-TW: the Simplified words, not English (Chromium reads zh_TW's, a copy the build makes of zh_CN's).
    const chinese = JSON.parse(readFileSync('public/_locales/zh_CN/messages.json', 'utf8')) as Record<string, { message: string }>;
    for (const language of ['zh-CN', 'zh-TW']) {
      it(`opens the card in Chinese where the browser's language is ${language}, and saves a screenshot`, async () => {
        const driver = await launch('light', language);
        try {
          const url = `${server.origin}/cjk/source.html?${language}`;
          const page = await driver.open(url);
          await page.waitFor(hasHighlights);
          const card = await showCard(driver, page, url, 0);
          expect(card.lang).toBe('zh-Hans');
          expect(card.headings).toContain(chinese.cardLeavesOut!.message);
          expect(card.headings).toContain(chinese.cardHolds!.message);
          for (const frame of card.frames) expect(frame.name).toMatch(/[\u4e00-\u9fff]{3}/);
          await page.screenshot(`${ARTIFACTS}/${driver.name}-card-${language}.png`);
        } finally {
          await driver.close();
        }
      });
    }
  });
}
