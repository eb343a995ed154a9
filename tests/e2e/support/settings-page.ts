import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportSettings, type Settings } from '../../../src/settings/settings';
import { extensionErrors, type BrowserDriver } from './driver';
import { chooseFile, storedSiteLists } from './tabs';

const sites = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}.example.com`);

// In the options page: types a site in the field and presses "Turn off", as a reader would, quickly.
function switchOff(site: string): void {
  const input = document.getElementById('site-input') as HTMLInputElement;
  input.value = site;
  (document.getElementById('turn-off') as HTMLButtonElement).click();
}

const listed = (id: string) => document.querySelectorAll(`#${id} li`).length;

/** The settings page with lists as long as the import allows, in a real browser. */
export function describeSettingsPage(label: string, launch: () => Promise<BrowserDriver>): void {
  describe(`the settings page in ${label}`, () => {
    let driver: BrowserDriver;
    beforeAll(async () => {
      driver = await launch();
    });
    afterAll(async () => {
      await driver?.close();
    });

    it('imports 5,000 sites in each list, keeps 600 switched off one by one after a reload, and shows no error', async () => {
      let options = await driver.openExtensionPage('options.html');
      await options.waitFor(() => document.getElementById('import-settings') !== null);
      const on = sites(5000, 'on');
      const off = sites(5000, 'off');
      const full: Settings = { sites: { default: 'only-enabled', enabled: on, disabled: off }, paused: false, showCritiques: true, hiddenFrames: [] };
      await options.evaluate(chooseFile, { id: 'import-settings', text: exportSettings(full) });
      await options.waitFor(() => /imported/.test(document.getElementById('import-settings-result')?.textContent ?? ''));
      await options.waitFor((n: number) => document.querySelectorAll('#enabled-sites li').length === n, 5000, 30_000);
      expect(await options.evaluate(storedSiteLists)).toEqual({ enabled: on, disabled: off });

      const started = Date.now();
      const switched = on.slice(0, 600);
      for (const site of switched) await options.evaluate(switchOff, site);
      await options.waitFor((n: number) => document.querySelectorAll('#enabled-sites li').length === n, 4400, 60_000);
      console.log(`${label}: 600 sites switched off on the settings page in ${Date.now() - started} ms`);
      await vi.waitFor(async () => expect((await options.evaluate(storedSiteLists))?.enabled).toHaveLength(4400), { timeout: 30_000 });
      expect(await options.evaluate(() => document.getElementById('write-error')?.textContent)).toBe('');

      // Opened anew (Firefox's Remote Agent never reports the load of a moz-extension:// page reloaded).
      await options.close();
      options = await driver.openExtensionPage('options.html');
      await options.waitFor((n: number) => document.querySelectorAll('#enabled-sites li').length === n, 4400, 30_000);
      expect(await options.evaluate(listed, 'disabled-sites')).toBe(5000);
      expect(await options.evaluate(storedSiteLists)).toEqual({ enabled: on.slice(600), disabled: off });
      expect(await options.evaluate(() => document.getElementById('write-error')?.textContent)).toBe('');
      expect(extensionErrors(options.errors)).toEqual([]);
      await options.close();
    });

    it('keeps the focus where it was after a toggle, and adds a site with Enter', async () => {
      const options = await driver.openExtensionPage('options.html');
      await options.waitFor(() => document.getElementById('show-critiques') !== null);
      await options.evaluate(() => document.getElementById('show-critiques')!.focus());
      await options.press(' ');
      await options.waitFor(async () => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        return (await api.storage.sync.get('settings')).settings?.showCritiques === false;
      });
      // The page has rendered the stored change: the box it rendered is still the one with the focus.
      await options.waitFor(() => !(document.getElementById('show-critiques') as HTMLInputElement).checked);
      expect(await options.evaluate(() => document.activeElement?.id)).toBe('show-critiques');

      await options.evaluate(() => document.getElementById('default-everywhere')!.focus());
      await options.press('ArrowDown');
      await options.waitFor(() => /turn on/.test(document.getElementById('site-hint')?.textContent ?? ''));
      expect(await options.evaluate(() => document.activeElement?.id)).toBe('default-only-enabled');

      await options.evaluate(() => document.getElementById('site-input')!.focus());
      for (const key of 'enter.example') await options.press(key);
      await options.press('Enter');
      await options.waitFor(() => (document.getElementById('enabled-sites')?.textContent ?? '').includes('enter.example'));
      expect(await options.evaluate(() => document.activeElement?.id)).toBe('site-input');
      expect(extensionErrors(options.errors)).toEqual([]);
      await options.close();
    });
  });
}
