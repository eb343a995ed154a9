import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { installedPacks } from '../../../src/claims/packs';
import type { ExtensionApi } from '../../../src/platform/extension-api';
import { readStored, storeDismissal, watchStored, type StoredForPage } from '../../../src/settings/page-store';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { packsItem, settingsItem } from '../../../src/settings/store';
import type { Dismissals } from '../../../src/page/dismissed';

// The reader on a page reads storage without WXT's layer; what it reads must be what that layer wrote.
const api = fakeBrowser as unknown as ExtensionApi;
const dismissalsOfWxt = () => storage.defineItem<Dismissals>('local:dismissed', { fallback: {}, version: 1 });

beforeEach(() => fakeBrowser.reset());

describe("the reader's view of storage", () => {
  it('reads the fallbacks before anything is stored', async () => {
    expect(await readStored(api)).toEqual({ settings: DEFAULT_SETTINGS, dismissed: {} });
  });

  it('reads what the background and the settings page wrote through WXT storage items', async () => {
    const settings = { ...DEFAULT_SETTINGS, showCritiques: false, sites: { ...DEFAULT_SETTINGS.sites, disabled: ['quiet.example'] } };
    await settingsItem().setValue(settings);
    await dismissalsOfWxt().setValue({ 'https://news.example/story': ['0a1b2c3d'] });
    expect(await readStored(api)).toEqual({ settings, dismissed: { 'https://news.example/story': ['0a1b2c3d'] } });
  });

  it('hears each change, as it would read it, and stops hearing when told', async () => {
    const heard: Partial<StoredForPage>[] = [];
    const stop = watchStored(api, (changed) => heard.push(changed));
    const paused = { ...DEFAULT_SETTINGS, paused: true };
    const heardAll = async (n: number) => vi.waitFor(() => expect(heard).toHaveLength(n));
    // The packs are none of the page's business: they are used where pages are read.
    await packsItem().setValue(installedPacks([]));
    await settingsItem().setValue(paused);
    await heardAll(1);
    await storeDismissal(api, 'https://news.example/story', 'feedbeef');
    await heardAll(2);
    // The site lists live in their own item (storage.local): a change there is heard as the settings, whole.
    const quiet = { ...paused, sites: { ...paused.sites, disabled: ['quiet.example'] } };
    await settingsItem().setValue(quiet);
    await heardAll(3);
    await settingsItem().removeValue();
    await heardAll(4);
    stop();
    await settingsItem().setValue(paused);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).toEqual([
      { settings: paused },
      { dismissed: { 'https://news.example/story': ['feedbeef'] } },
      { settings: quiet },
      { settings: DEFAULT_SETTINGS },
    ]);
  });

  it('reads settings still in their v1 shape (one synced item) before the background migrated them', async () => {
    const { stored } = JSON.parse(readFileSync('tests/fixtures/settings/v1.json', 'utf8'));
    await fakeBrowser.storage.sync.set({ settings: stored });
    expect((await readStored(api)).settings).toEqual(stored);
  });

  it('adds a dismissal to those stored, where the WXT item reads it', async () => {
    await dismissalsOfWxt().setValue({ 'https://a.example/': ['11111111'] });
    await storeDismissal(api, 'https://b.example/', '22222222');
    await storeDismissal(api, 'https://b.example/', '22222222');
    expect(await dismissalsOfWxt().getValue()).toEqual({ 'https://a.example/': ['11111111'], 'https://b.example/': ['22222222'] });
  });
});
