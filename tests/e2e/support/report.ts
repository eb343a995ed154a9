import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserDriver, TestPage } from './driver';
import { servedBrowser } from './served';
import { withTab } from './tabs';

const hasHighlights = () => (CSS.highlights.get('counterframe-uses')?.size ?? 0) > 0;

/** Clicks a button as the reader does (a real click, which the clipboard and downloads ask for). */
async function press(page: TestPage, selector: string): Promise<void> {
  const box = await page.evaluate((s: string) => {
    const button = document.querySelector(s)!;
    button.scrollIntoView();
    const { x, y, width, height } = button.getBoundingClientRect();
    return { x: x + width / 2, y: y + height / 2 };
  }, selector);
  await page.click(box.x, box.y);
}

/** The page's framing report from the popup: copied to the clipboard, saved as Markdown and as HTML. */
export function describeReport(label: string, launch: () => Promise<BrowserDriver>): void {
  describe(`the framing report in ${label}`, () => {
    const served = servedBrowser(launch);

    it('copies and saves the report from the popup', async () => {
      const url = `${served.server.origin}/arms-race/source.html?report`;
      const page = await served.driver.open(url);
      await page.waitFor(hasHighlights);
      const helper = await served.driver.openExtensionPage('popup.html');
      const tabId = (await helper.evaluate(withTab, { url }))?.tabId;
      const popup = await served.driver.openExtensionPage(`popup.html?tab=${tabId}`);
      await popup.waitFor(() => document.querySelector('#report-copy') !== null);

      await press(popup, '#report-copy');
      await popup.waitFor(() => document.querySelector('.report [role=status]')?.textContent !== '');
      expect(await popup.evaluate(() => document.querySelector('.report [role=status]')!.textContent)).toBe('Report copied.');

      const saved = () => readdirSync(served.driver.downloads).map((name) => readFileSync(join(served.driver.downloads, name), 'utf8'));
      await press(popup, '#report-save-md');
      await expect.poll(() => saved().filter((text) => text.startsWith('# Framing report:')), { timeout: 15_000 }).toHaveLength(1);
      await press(popup, '#report-save-html');
      await expect.poll(() => saved().filter((text) => text.startsWith('<!doctype html>')), { timeout: 15_000 }).toHaveLength(1);
      const markdown = saved().find((text) => text.startsWith('# Framing report:'))!;
      const html = saved().find((text) => text.startsWith('<!doctype html>'))!;
      expect(markdown).toMatch(
        /^# Framing report: Why America Must Win the AI Race\n\nAddress: http:\/\/127\.0\.0\.1:\d+\/arms-race\/source\.html\?report {2}\n/,
      );
      expect(markdown).toContain('## What the frames leave out');
      expect(html).toContain('<h1>Framing report: Why America Must Win the AI Race</h1>');
      // As many passages as the popup lists highlights.
      const listed = await popup.evaluate(() => document.querySelectorAll('button.highlight').length);
      expect(html.match(/<li><span class="(uses|critiques)">/g)).toHaveLength(listed);
      expect(html).not.toContain('<script');
      expect([...page.errors, ...popup.errors].filter((e) => /counterframe|extension:/i.test(e))).toEqual([]);
    });
  });
}
