import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, exportSettings, parseSettingsFile, type Settings } from '../../../src/settings/settings';
import { setSiteEnabled } from '../../../src/settings/site-rules';
import { createSerialWriter, SETTINGS_MIGRATIONS, settingsItem, STORED_SETTINGS_VERSION } from '../../../src/settings/store';
import { enforceSyncQuotas } from '../../support/sync-quota';

const FIXTURES = 'tests/fixtures/settings';
/** What every fixture holds, whatever its version's shape. */
const IN_FIXTURES: Settings = {
  sites: { default: 'everywhere', enabled: ['news.example.com'], disabled: ['example.com'] },
  paused: false,
  showCritiques: false,
  hiddenFrames: ['cold-war'],
};
const sites = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}.example.com`);

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the settings item', () => {
  it('starts from the defaults; the small settings live in storage.sync, the site lists in storage.local', async () => {
    expect(await settingsItem().getValue()).toEqual(DEFAULT_SETTINGS);
    const settings = { ...DEFAULT_SETTINGS, paused: true, sites: { default: 'only-enabled' as const, enabled: ['a.example'], disabled: [] } };
    await settingsItem().setValue(settings);
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({
      settings: { sites: { default: 'only-enabled' }, paused: true, showCritiques: true, hiddenFrames: [] },
    });
    expect(await fakeBrowser.storage.local.get('siteLists')).toEqual({ siteLists: { enabled: ['a.example'], disabled: [] } });
    expect(await settingsItem().getValue()).toEqual(settings);
  });

  it('has a stored fixture for every version, and each old one migrates to the current shape, losing nothing', async () => {
    const versions = readdirSync(FIXTURES)
      .map((f) => Number(/^v(\d+)\.json$/.exec(f)?.[1]))
      .filter(Boolean)
      .sort();
    expect(versions).toEqual(Array.from({ length: STORED_SETTINGS_VERSION }, (_, i) => i + 1));
    for (let version = 2; version <= STORED_SETTINGS_VERSION; version++)
      expect(SETTINGS_MIGRATIONS[version], `migration to v${version}`).toBeTypeOf('function');
    for (const version of versions) {
      fakeBrowser.reset();
      const { stored, local = {} } = JSON.parse(readFileSync(`${FIXTURES}/v${version}.json`, 'utf8'));
      await fakeBrowser.storage.sync.set({ settings: stored, settings$: { v: version } });
      await fakeBrowser.storage.local.set(local);
      await settingsItem().migrate();
      const current = await settingsItem().getValue();
      expect(current, `v${version} migrated`).toEqual(IN_FIXTURES);
      expect(await fakeBrowser.storage.sync.get('settings$'), `v${version} marked current`).toEqual({ settings$: { v: STORED_SETTINGS_VERSION } });
      expect(parseSettingsFile(exportSettings(current)).ok, `v${version} read back`).toBe(true);
    }
  });

  it('loses nothing when two tabs change settings at the same moment', async () => {
    const update = createSerialWriter(settingsItem());
    const all = Array.from({ length: 20 }, (_, i) => `site${i}.example`);
    await Promise.all(
      all.map((site, i) =>
        i % 2 === 0
          ? update((s) => ({ ...s, sites: { ...s.sites, disabled: [...s.sites.disabled, site] } }))
          : update((s) => ({ ...s, sites: { ...s.sites, enabled: [...s.sites.enabled, site] } })),
      ),
    );
    const final = await settingsItem().getValue();
    expect([...final.sites.disabled, ...final.sites.enabled].sort()).toEqual([...all].sort());
  });

  it('writes a burst of changes once', async () => {
    let value = 0;
    const item = { getValue: async () => value, setValue: vi.fn(async (next: number) => void (value = next)) };
    const update = createSerialWriter(item);
    const results = await Promise.all(Array.from({ length: 50 }, () => update((n) => n + 1)));
    expect(value).toBe(50);
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(item.setValue).toHaveBeenCalledTimes(1);
  });

  it('rejects each change a failed write carried, with the reason, and goes on with the next', async () => {
    let value = 0;
    const item = {
      getValue: async () => value,
      setValue: vi.fn(async (next: number) => {
        if (next > 100) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        value = next;
      }),
    };
    const update = createSerialWriter(item);
    await expect(update((n) => n + 1000)).rejects.toThrow('QUOTA_BYTES_PER_ITEM quota exceeded');
    await expect(update((n) => n + 1)).resolves.toBe(1);
    await expect(
      update(() => {
        throw new Error('a bad change');
      }),
    ).rejects.toThrow('a bad change');
    expect(value).toBe(1);
  });
});

describe("the settings within storage.sync's quotas (enforced here as the browsers do)", () => {
  it('holds 5,000 sites in each list, as imported from a file', async () => {
    enforceSyncQuotas();
    const full: Settings = { ...DEFAULT_SETTINGS, sites: { default: 'only-enabled', enabled: sites(5000, 'on'), disabled: sites(5000, 'off') } };
    const file = exportSettings(full);
    const parsed = parseSettingsFile(file);
    expect(parsed.ok, 'a file of 5,000 sites a list is imported').toBe(true);
    const update = createSerialWriter(settingsItem());
    await update(() => (parsed.ok ? parsed.settings : DEFAULT_SETTINGS));
    expect(await settingsItem().getValue()).toEqual(full);
    expect(file.length, 'the file measured').toBeGreaterThan(256 * 1024);
  });

  it('keeps 600 sites switched off one by one within a minute, and a burst of 600 pause switches', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const writes = enforceSyncQuotas();
    const update = createSerialWriter(settingsItem());
    // Something in sync to compare with (as read back, its keys sorted).
    await update(() => ({ ...DEFAULT_SETTINGS, showCritiques: false }));
    const off = sites(600, 'quiet');
    const before = writes.length;
    for (const site of off) {
      await update((s) => ({ ...s, sites: setSiteEnabled(s.sites, site, false) }));
      vi.advanceTimersByTime(50);
    }
    expect((await settingsItem().getValue()).sites.disabled).toEqual(off);
    // A site switched writes the local lists alone: storage.sync saw none of the 600.
    expect(writes.length).toBe(before);
    // The reader clicks the pause switch 600 times as fast as the page sends: coalesced, a few writes.
    await Promise.all(Array.from({ length: 600 }, (_, i) => update((s) => ({ ...s, paused: i % 2 === 0 }))));
    expect((await settingsItem().getValue()).paused).toBe(false);
    expect(writes.length).toBeLessThan(10);
  });

  it("fails a write that the quota refuses with the browser's reason", async () => {
    enforceSyncQuotas();
    const update = createSerialWriter(settingsItem());
    // More hidden frames than the schema allows (a file would be refused): the synced item passes 8 KB.
    const hiddenFrames = Array.from({ length: 200 }, (_, i) => `frame-${i}-${'x'.repeat(40)}`);
    await expect(update((s) => ({ ...s, hiddenFrames }))).rejects.toThrow('QUOTA_BYTES_PER_ITEM quota exceeded');
  });
});
