import { readdirSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, toggleSiteOfTab } from '../../../src/background/background';
import { DEFAULT_SETTINGS, exportSettings, parseSettingsFile, SETTINGS_VERSION, type Settings } from '../../../src/settings/settings';
import { createSerialWriter, SETTINGS_MIGRATIONS, settingsItem } from '../../../src/settings/store';
import { background } from '../../support/background';

const FIXTURES = 'tests/fixtures/settings';

beforeEach(() => fakeBrowser.reset());

describe('the settings item', () => {
  it('starts from the defaults and lives in storage.sync', async () => {
    expect(await settingsItem().getValue()).toEqual(DEFAULT_SETTINGS);
    await settingsItem().setValue({ ...DEFAULT_SETTINGS, paused: true });
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({ settings: { ...DEFAULT_SETTINGS, paused: true } });
  });

  it('has a stored fixture for every version, and each old one migrates to the current shape', async () => {
    const versions = readdirSync(FIXTURES).map((f) => Number(/^v(\d+)\.json$/.exec(f)?.[1])).filter(Boolean).sort();
    expect(versions).toEqual(Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1));
    for (let version = 2; version <= SETTINGS_VERSION; version++) expect(SETTINGS_MIGRATIONS[version], `migration to v${version}`).toBeTypeOf('function');
    for (const version of versions) {
      fakeBrowser.reset();
      const { stored } = JSON.parse(readFileSync(`${FIXTURES}/v${version}.json`, 'utf8'));
      await fakeBrowser.storage.sync.set({ settings: stored, settings$: { v: version } });
      await settingsItem().migrate();
      const current = await settingsItem().getValue();
      const exported = parseSettingsFile(exportSettings(current));
      expect(exported.ok, `v${version} read back`).toBe(true);
    }
  });

  it('loses nothing when two tabs change settings at the same moment', async () => {
    const update = createSerialWriter(settingsItem());
    const sites = Array.from({ length: 20 }, (_, i) => `site${i}.example`);
    await Promise.all(sites.map((site, i) =>
      i % 2 === 0
        ? update((s) => ({ ...s, sites: { ...s.sites, disabled: [...s.sites.disabled, site] } }))
        : update((s) => ({ ...s, sites: { ...s.sites, enabled: [...s.sites.enabled, site] } })),
    ));
    const final = await settingsItem().getValue();
    expect([...final.sites.disabled, ...final.sites.enabled].sort()).toEqual([...sites].sort());
  });
});

describe('the background', () => {
  it('switches a site on and off through messages, and the toggle flips it', async () => {
    const deps = background();
    await handleMessage({ type: 'site:set', site: 'WWW.Example.com', enabled: false }, {}, deps);
    expect((await settingsItem().getValue()).sites.disabled).toEqual(['example.com']);
    await toggleSiteOfTab(3, 'https://www.example.com/story', deps);
    expect((await settingsItem().getValue()).sites).toEqual(DEFAULT_SETTINGS.sites);
    await toggleSiteOfTab(3, undefined, deps); // the keyboard command asks the tab for its site
    expect((await settingsItem().getValue()).sites.disabled).toEqual(['news.example.com']);
  });

  it('switches the site of a tab the reader never came to, from the tab\'s address', async () => {
    const deps = { ...background(), askTab: async () => undefined, tabUrl: async () => 'https://www.quiet.example/recipes' };
    await toggleSiteOfTab(4, undefined, deps);
    expect((await settingsItem().getValue()).sites.disabled).toEqual(['quiet.example']);
  });

  it('brings the reader into the frame whose page passed the gate, and only from a tab', async () => {
    const brought: [number, number][] = [];
    const deps = { ...background(), bringHighlighter: async (tabId: number, frameId: number) => void brought.push([tabId, frameId]) };
    await handleMessage({ type: 'page:wanted' }, { tabId: 5, frameId: 0 }, deps);
    await handleMessage({ type: 'page:wanted' }, {}, deps);
    expect(brought).toEqual([[5, 0]]);
  });

  it('shows the tab\'s highlight count on the badge, "off" where the site is off', async () => {
    const badges = new Map<number, string>();
    const deps = background(badges);
    await handleMessage({ type: 'page:status', state: 'on', uses: 11, critiques: 1 }, { tabId: 7 }, deps);
    await handleMessage({ type: 'page:status', state: 'off', uses: 0, critiques: 0 }, { tabId: 8 }, deps);
    await handleMessage({ type: 'page:status', state: 'idle', uses: 0, critiques: 0 }, { tabId: 9 }, deps);
    expect(Object.fromEntries(badges)).toEqual({ 7: '12', 8: 'off', 9: '' });
  });

  it('imports a sound settings file, and refuses a bad one with reasons, changing nothing', async () => {
    const deps = background();
    const mine: Settings = { ...DEFAULT_SETTINGS, showCritiques: false, sites: { default: 'only-enabled', enabled: ['example.com'], disabled: [] } };
    expect(await handleMessage({ type: 'settings:import', text: exportSettings(mine) }, {}, deps)).toEqual({ ok: true });
    expect(await settingsItem().getValue()).toEqual(mine);
    const refused = async (text: string) => {
      const reply = (await handleMessage({ type: 'settings:import', text }, {}, deps)) as { ok: boolean; problems: string[] };
      expect(reply.ok).toBe(false);
      expect(await settingsItem().getValue()).toEqual(mine);
      return reply.problems.join('\n');
    };
    expect(await refused('{ not json')).toMatch(/not JSON/);
    expect(await refused('{"hello": 1}')).toMatch(/not a Counterframe settings file/);
    expect(await refused(JSON.stringify({ format: 'counterframe-settings', version: 99, settings: mine }))).toMatch(/version 99/);
    const bad = JSON.parse(exportSettings(mine));
    bad.settings.sites.enabled = ['javascript:alert(1)'];
    bad.settings.paused = 'yes';
    const problems = await refused(JSON.stringify(bad));
    expect(problems).toMatch(/settings\.sites\.enabled\.0: must be a site/);
    expect(problems).toMatch(/settings\.paused: must be true or false/);
    expect(await refused(' '.repeat(300 * 1024))).toMatch(/larger than 256 KB/);
  });
});
