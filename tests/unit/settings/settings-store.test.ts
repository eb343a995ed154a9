import { readdirSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, exportSettings, parseSettingsFile, SETTINGS_VERSION } from '../../../src/settings/settings';
import { createSerialWriter, SETTINGS_MIGRATIONS, settingsItem } from '../../../src/settings/store';

const FIXTURES = 'tests/fixtures/settings';

beforeEach(() => fakeBrowser.reset());

describe('the settings item', () => {
  it('starts from the defaults and lives in storage.sync', async () => {
    expect(await settingsItem().getValue()).toEqual(DEFAULT_SETTINGS);
    await settingsItem().setValue({ ...DEFAULT_SETTINGS, paused: true });
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({ settings: { ...DEFAULT_SETTINGS, paused: true } });
  });

  it('has a stored fixture for every version, and each old one migrates to the current shape', async () => {
    const versions = readdirSync(FIXTURES)
      .map((f) => Number(/^v(\d+)\.json$/.exec(f)?.[1]))
      .filter(Boolean)
      .sort();
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
    await Promise.all(
      sites.map((site, i) =>
        i % 2 === 0
          ? update((s) => ({ ...s, sites: { ...s.sites, disabled: [...s.sites.disabled, site] } }))
          : update((s) => ({ ...s, sites: { ...s.sites, enabled: [...s.sites.enabled, site] } })),
      ),
    );
    const final = await settingsItem().getValue();
    expect([...final.sites.disabled, ...final.sites.enabled].sort()).toEqual([...sites].sort());
  });
});
