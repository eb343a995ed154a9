import type { ExtensionApi } from '../platform/extension-api';
import type { InstalledPacks } from '../claims/packs';
import { addDismissal, type Dismissals } from '../page/dismissed';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/** The settings that sync: all but the site lists. */
export interface SyncedSettings {
  sites: { default: Settings['sites']['default'] };
  paused: boolean;
  showCritiques: boolean;
  hiddenFrames: string[];
}

/** The site lists, kept on this device. */
export interface SiteLists {
  enabled: string[];
  disabled: string[];
}

/** The settings as v1 stored them, in one synced item (tests/fixtures/settings/v1.json). */
export type V1Settings = Settings;

/**
 * Where each stored value lives, and what stands for it while nothing is stored. The items in
 * store.ts (the background and the extension's pages, through WXT's storage layer) and the highlighter on
 * a page (below, through the browser's own API) both read these, so the two never drift apart.
 *
 * Why the site lists are in storage.local and not in chunks of storage.sync: sync holds 8 KB per item
 * and 100 KB in all (QUOTA_BYTES_PER_ITEM, QUOTA_BYTES, in Chromium and Firefox alike). Two lists of
 * 5,000 sites are about 200 KB as JSON: no chunking fits them in sync at all, and chunks would cost one
 * sync write per chunk on every change, against its 120 writes a minute. storage.local holds 10 MB
 * (Chromium; more in Firefox), has no write rate limit, and a site list is about a device's browsing
 * anyway. The small settings (the default, pause, critiques, hidden frames: under 7 KB by their schema)
 * still sync and follow the reader.
 */
export const STORED = {
  settings: { key: 'settings', fallback: splitSettings(DEFAULT_SETTINGS).synced },
  siteLists: { key: 'siteLists', fallback: splitSettings(DEFAULT_SETTINGS).lists },
  dismissed: { key: 'dismissed', fallback: {} as Dismissals },
  packs: { key: 'packs', fallback: { packs: [], mentions: null } as InstalledPacks },
} as const;

/** The settings as the two items store them. */
export function splitSettings(settings: Settings): { synced: SyncedSettings; lists: SiteLists } {
  const { sites, paused, showCritiques, hiddenFrames } = settings;
  return {
    synced: { sites: { default: sites.default }, paused, showCritiques, hiddenFrames },
    lists: { enabled: sites.enabled, disabled: sites.disabled },
  };
}

/**
 * The settings from the two items. A synced item still in v1's shape (its lists inside, not yet
 * migrated by the background) gives its own lists while none are stored locally.
 */
export function joinSettings(synced: SyncedSettings | V1Settings, lists: SiteLists | undefined): Settings {
  const inside = 'enabled' in synced.sites ? synced.sites : undefined;
  const from = lists ?? inside ?? STORED.siteLists.fallback;
  return {
    sites: { default: synced.sites.default, enabled: from.enabled, disabled: from.disabled },
    paused: synced.paused,
    showCritiques: synced.showCritiques,
    hiddenFrames: synced.hiddenFrames,
  };
}

/** Settings sync where the browser offers it, so they follow the reader; local otherwise. Site lists, dismissals and packs stay local. */
export function settingsArea(api: Pick<ExtensionApi, 'storage'>): 'sync' | 'local' {
  return api.storage?.sync ? 'sync' : 'local';
}

/** What the highlighter on a page needs from storage. */
export interface StoredForPage {
  settings: Settings;
  dismissed: Dismissals;
}

async function readSettings(api: Pick<ExtensionApi, 'storage'>): Promise<Settings> {
  const [inSettingsArea, local] = await Promise.all([api.storage[settingsArea(api)].get(STORED.settings.key), api.storage.local.get(STORED.siteLists.key)]);
  return joinSettings(
    (inSettingsArea[STORED.settings.key] as SyncedSettings | undefined) ?? STORED.settings.fallback,
    local[STORED.siteLists.key] as SiteLists | undefined,
  );
}

/**
 * The highlighter's view of storage, without WXT's storage layer: defining its items costs each page
 * that is read main-thread time (each versioned item reads its metadata as it is defined). Only the background
 * writes settings, and it runs their migrations; a page only reads them. The packs stay out of the
 * page: they are used where pages are read.
 */
export async function readStored(api: Pick<ExtensionApi, 'storage'>): Promise<StoredForPage> {
  const [settings, local] = await Promise.all([readSettings(api), api.storage.local.get(STORED.dismissed.key)]);
  return { settings, dismissed: (local[STORED.dismissed.key] as Dismissals | undefined) ?? STORED.dismissed.fallback };
}

/** Calls `onChange` with what changed, each value as readStored would give it. Returns how to stop. */
export function watchStored(api: Pick<ExtensionApi, 'storage'>, onChange: (changed: Partial<StoredForPage>) => void): () => void {
  const area = settingsArea(api);
  let stopped = false;
  let reading = false;
  const listener = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
    if (changedArea === 'local' && STORED.dismissed.key in changes) {
      onChange({ dismissed: (changes[STORED.dismissed.key]?.newValue as Dismissals | undefined) ?? STORED.dismissed.fallback });
    }
    // The settings are two items: either changing gives the settings as they now are, whole.
    const settingsChanged = (changedArea === area && STORED.settings.key in changes) || (changedArea === 'local' && STORED.siteLists.key in changes);
    if (settingsChanged && !reading) {
      // Both items change together on an import: read once, after both.
      reading = true;
      setTimeout(() => {
        reading = false;
        void readSettings(api).then((settings) => {
          if (!stopped) onChange({ settings });
        });
      }, 0);
    }
  };
  api.storage.onChanged.addListener(listener);
  return () => {
    stopped = true;
    api.storage.onChanged.removeListener(listener);
  };
}

/** Remembers that the reader marked a passage of `page` "not framing" (see dismissed.ts). */
export async function storeDismissal(api: Pick<ExtensionApi, 'storage'>, page: string, key: string): Promise<void> {
  const stored = await api.storage.local.get(STORED.dismissed.key);
  const all = (stored[STORED.dismissed.key] as Dismissals | undefined) ?? STORED.dismissed.fallback;
  await api.storage.local.set({ [STORED.dismissed.key]: addDismissal(all, page, key) });
}
