import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveFolders, type StaticServer } from '../../../scripts/lib/server';
import type { BrowserDriver, TestPage } from './driver';
import { chooseFile, storedPacks, storedSettings, withTab } from './tabs';

const PACK = readFileSync('tests/fixtures/packs/chip-war.json', 'utf8');

// In an extension page: the toolbar badge of a tab.
function badgeOf(tabId: number): Promise<string> {
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  return (api.action ?? api.browserAction).getBadgeText({ tabId });
}

// In an extension page: a message to the background, as the popup and the settings page send them.
function sendToBackground(message: unknown): Promise<unknown> {
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  return api.runtime.sendMessage(message);
}

// In an extension page: whether the background holds back a frame whose page is at `url` (held frames, storage.session).
async function heldFor(url: string): Promise<boolean> {
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  const { heldFrames = [] } = await api.storage.session.get('heldFrames');
  return (heldFrames as { url: string }[]).some((frame) => frame.url === url);
}

const highlightCount = () => CSS.highlights.get('counterframe-uses')?.size ?? 0;

/** The per-site switch and settings, end to end, in a real browser. */
export function describeSiteSwitch(label: string, launch: () => Promise<BrowserDriver>): void {
  describe(`the per-site switch in ${label}`, () => {
    let server: StaticServer;
    let driver: BrowserDriver;
    let siteA: string;
    let siteB: string;

    beforeAll(async () => {
      server = await serveFolders({ '/': 'tests/fixtures/pages' });
      siteA = `${server.origin}/arms-race/source.html`;
      // The same server under another name is another site.
      siteB = siteA.replace('127.0.0.1', 'localhost');
      driver = await launch();
    });

    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    const popupFor = async (url: string): Promise<TestPage> => {
      const probe = await driver.openExtensionPage('popup.html');
      const tabId = (await probe.evaluate(withTab, { url }))?.tabId ?? null;
      await probe.close();
      expect(tabId, `a tab showing ${url}`).not.toBeNull();
      const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
      await popup.waitFor(() => document.getElementById('site-switch') !== null);
      return popup;
    };

    it('switches a site off in every open tab of it at once, on again, and remembers it across reloads and restarts', async () => {
      const a1 = await driver.open(`${siteA}?tab=1`);
      const a2 = await driver.open(`${siteA}?tab=2`);
      const b = await driver.open(siteB);
      for (const page of [a1, a2, b]) await page.waitFor(() => (CSS.highlights.get('counterframe-uses')?.size ?? 0) > 0);

      const popup = await popupFor(`${siteA}?tab=1`);
      const tabA1 = Number(await popup.evaluate(() => new URLSearchParams(location.search).get('tab')));
      // The switch: a labelled switch, on.
      expect(
        await popup.evaluate(() => {
          const input = document.getElementById('site-switch') as HTMLInputElement;
          return { role: input.getAttribute('role'), name: input.labels?.[0]?.textContent?.trim(), on: input.checked };
        }),
      ).toEqual({ role: 'switch', name: 'Enable on this site', on: true });
      await popup.waitFor(badgeOf, tabA1);
      expect(await popup.evaluate(badgeOf, tabA1)).toBe(
        String(await a1.evaluate(() => (CSS.highlights.get('counterframe-uses')?.size ?? 0) + (CSS.highlights.get('counterframe-critiques')?.size ?? 0))),
      );
      expect(await popup.evaluate(() => document.querySelector('[role=status]')?.textContent)).toMatch(
        /^\d+ passages use an arms-race frame, 1 critiques one$/,
      );

      // Off: both tabs of the site lose their highlights without a reload; the other site keeps its own.
      await popup.evaluate(() => (document.getElementById('site-switch') as HTMLInputElement).click());
      await a1.waitFor(() => CSS.highlights.size === 0);
      await a2.waitFor(() => CSS.highlights.size === 0);
      expect(await b.evaluate(highlightCount)).toBeGreaterThan(0);
      await popup.waitFor(async (tab) => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        return (await (api.action ?? api.browserAction).getBadgeText({ tabId: tab })) === 'off';
      }, tabA1);

      // Still off after a reload: the badge says the script ran and found its site off.
      await a2.reload();
      const popupA2 = await popupFor(`${siteA}?tab=2`);
      await popupA2.waitFor(() => /^Off on /.test(document.querySelector('[role=status]')?.textContent ?? ''));
      expect(await a2.evaluate(() => CSS.highlights.size)).toBe(0);

      // And after the browser restarts with the same profile.
      await driver.restart();
      const again = await driver.open(`${siteA}?tab=3`);
      const other = await driver.open(siteB);
      await other.waitFor(() => (CSS.highlights.get('counterframe-uses')?.size ?? 0) > 0);
      const popup3 = await popupFor(`${siteA}?tab=3`);
      expect(await popup3.evaluate(() => (document.getElementById('site-switch') as HTMLInputElement).checked)).toBe(false);
      expect(await again.evaluate(() => CSS.highlights.size)).toBe(0);

      // On again: the highlights come back without a reload.
      await popup3.evaluate(() => (document.getElementById('site-switch') as HTMLInputElement).click());
      await again.waitFor(() => (CSS.highlights.get('counterframe-uses')?.size ?? 0) > 0);
    });

    it('brings no script into a page while paused, or on a site switched off, and brings it once that page is on again', async () => {
      const helper = await driver.openExtensionPage('popup.html');
      await helper.evaluate(sendToBackground, { type: 'settings:patch', patch: { paused: true } });
      const paused = `${siteA}?paused`;
      await driver.open(paused);
      // The gate script asked for the highlighter; the background held the frame back instead of injecting.
      await helper.waitFor(heldFor, paused);
      expect((await helper.evaluate(withTab, { url: paused }))?.summary).toBeNull();

      await helper.evaluate(sendToBackground, { type: 'settings:patch', patch: { paused: false } });
      await helper.evaluate(sendToBackground, { type: 'site:set', site: new URL(siteB).hostname, enabled: false });
      const off = `${siteB}?switched-off`;
      await driver.open(off);
      await helper.waitFor(heldFor, off);
      expect((await helper.evaluate(withTab, { url: off }))?.summary).toBeNull();
      // The paused page is on again (pause lifted, its site on): it is brought the highlighter, and highlighted.
      await vi.waitFor(async () => expect((await helper.evaluate(withTab, { url: paused }))?.summary?.uses).toBeGreaterThan(0), {
        timeout: 15_000,
        interval: 200,
      });

      await helper.evaluate(sendToBackground, { type: 'site:set', site: new URL(siteB).hostname, enabled: true });
      await vi.waitFor(async () => expect((await helper.evaluate(withTab, { url: off }))?.summary?.uses).toBeGreaterThan(0), {
        timeout: 15_000,
        interval: 200,
      });
      await helper.close();
    });

    it('hides the critiques when the reader turns them off, and shows them again', async () => {
      const page = await driver.open(`${siteB}?critiques`);
      await page.waitFor(() => (CSS.highlights.get('counterframe-critiques')?.size ?? 0) > 0);
      const popup = await popupFor(`${siteB}?critiques`);
      await popup.evaluate(() => (document.getElementById('critiques') as HTMLInputElement).click());
      await page.waitFor(() => (CSS.highlights.get('counterframe-critiques')?.size ?? 0) === 0);
      expect(await page.evaluate(highlightCount)).toBeGreaterThan(0);
      await popup.evaluate(() => (document.getElementById('critiques') as HTMLInputElement).click());
      await page.waitFor(() => (CSS.highlights.get('counterframe-critiques')?.size ?? 0) > 0);
    });

    it('refuses a malformed settings file with a message, and changes nothing', async () => {
      const options = await driver.openExtensionPage('options.html');
      await options.waitFor(() => document.getElementById('import-settings') !== null);
      // Make the stored settings differ from the defaults, so that "unchanged" means something.
      await options.evaluate(() => (document.getElementById('show-critiques') as HTMLInputElement).click());
      // The page stores the change after the box changes: wait for the store, not for the box.
      await vi.waitFor(async () => expect(await options.evaluate(storedSettings)).toMatchObject({ showCritiques: false }), { timeout: 10_000 });
      const before = await options.evaluate(storedSettings);
      await options.evaluate(chooseFile, { id: 'import-settings', text: '{"format": "counterframe-settings", "version": 1, "settings": {"paused": "yes"}}' });
      await options.waitFor(() => /not imported/.test(document.getElementById('import-settings-result')?.textContent ?? ''));
      const result = await options.evaluate(() => document.getElementById('import-settings-result')!.textContent);
      expect(result).toMatch(/settings\.sites: /);
      expect(result).toMatch(/settings\.paused: must be true or false/);
      expect(await options.evaluate(storedSettings)).toEqual(before);
    });

    it('adds a claim pack from the settings page: a bad one is refused with its problems, a sound one is used on the next page', async () => {
      const options = await driver.openExtensionPage('options.html');
      await options.waitFor(() => document.getElementById('import-pack') !== null);
      const regex = PACK.replace('"chip|chips|semiconductor war|wars"', '"(a+)+$"');
      await options.evaluate(chooseFile, { id: 'import-pack', text: regex });
      await options.waitFor(() => /not added/.test(document.getElementById('import-pack-result')?.textContent ?? ''));
      expect(await options.evaluate(() => document.getElementById('import-pack-result')!.textContent)).toMatch(
        /triggers\.0: .*characters the pattern language does not know/,
      );
      expect(await options.evaluate(storedPacks)).toBeNull();
      await options.evaluate(chooseFile, { id: 'import-pack', text: PACK });
      await options.waitFor(() => (document.getElementById('pack-list')?.textContent ?? '').includes('The chip war (1 frame)'));
      expect(await options.evaluate(() => document.getElementById('frame-chip-war') !== null)).toBe(true);
      const page = await driver.open(siteB.replace('arms-race/source.html', 'chip-war/source.html'));
      await page.waitFor(() => (CSS.highlights.get('counterframe-uses')?.size ?? 0) > 0);
      expect(await page.evaluate(() => [...(CSS.highlights.get('counterframe-uses') as unknown as Iterable<Range>)].map((r) => r.toString()))).toEqual([
        'The chip war with China will decide who leads the century, one senior official told reporters after the announcement.',
      ]);
      // The same pack about a "memory war", words the library does not have: a page with none of the
      // library's words passes the gate on the pack's alone (the gate script reads them only then).
      const memoryWar = PACK.replaceAll('chip|chips|semiconductor war|wars', 'memory war|wars')
        .replaceAll('The chip war', 'The memory war')
        .replaceAll('the chip war', 'the memory war');
      await options.evaluate(chooseFile, { id: 'import-pack', text: memoryWar });
      await options.waitFor(() => (document.getElementById('pack-list')?.textContent ?? '').includes('The memory war (1 frame)'));
      const packOnly = await driver.open(siteB.replace('arms-race/source.html', 'pack-only/source.html'));
      await packOnly.waitFor(() => (CSS.highlights.get('counterframe-uses')?.size ?? 0) > 0);
      expect(await packOnly.evaluate(() => [...(CSS.highlights.get('counterframe-uses') as unknown as Iterable<Range>)].map((r) => r.toString()))).toEqual([
        'The memory war with Japan will decide who leads the century, one trade official told reporters after a meeting with the companies.',
      ]);
      await options.evaluate(() => (document.querySelector('#pack-list button') as HTMLButtonElement).click());
      await options.waitFor(() => document.getElementById('frame-chip-war') === null);
      expect(await options.evaluate(storedPacks)).toEqual({ packs: [], mentions: null });
    });
  });
}
