import type { ExtensionApi } from '../platform/extension-api';
import type { InstalledPacks } from '../claims/packs';
import { addDismissal, type Dismissals } from '../page/dismissed';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/**
 * Where each stored value lives, and what stands for it while nothing is stored. The items in
 * store.ts (the background and the extension's pages, through WXT's storage layer) and the highlighter on
 * a page (below, through the browser's own API) both read these, so the two never drift apart.
 */
export const STORED = {
  settings: { key: 'settings', fallback: DEFAULT_SETTINGS },
  dismissed: { key: 'dismissed', fallback: {} as Dismissals },
  packs: { key: 'packs', fallback: { packs: [], mentions: null } as InstalledPacks },
} as const;

/** Settings sync where the browser offers it, so they follow the reader; local otherwise. Dismissals and packs stay local. */
export function settingsArea(api: Pick<ExtensionApi, 'storage'>): 'sync' | 'local' {
  return api.storage?.sync ? 'sync' : 'local';
}

/** What the highlighter on a page needs from storage. */
export interface StoredForPage {
  settings: Settings;
  dismissed: Dismissals;
}

/**
 * The highlighter's view of storage, without WXT's storage layer: defining its items costs each page
 * that is read main-thread time (each versioned item reads its metadata as it is defined). Only the background
 * writes settings, and it runs their migrations; a page only reads them. The packs stay out of the
 * page: they are used where pages are read.
 */
export async function readStored(api: Pick<ExtensionApi, 'storage'>): Promise<StoredForPage> {
  const [inSettingsArea, local] = await Promise.all([api.storage[settingsArea(api)].get(STORED.settings.key), api.storage.local.get(STORED.dismissed.key)]);
  return {
    settings: (inSettingsArea[STORED.settings.key] as Settings | undefined) ?? STORED.settings.fallback,
    dismissed: (local[STORED.dismissed.key] as Dismissals | undefined) ?? STORED.dismissed.fallback,
  };
}

/** Calls `onChange` with what changed, each value as readStored would give it. Returns how to stop. */
export function watchStored(api: Pick<ExtensionApi, 'storage'>, onChange: (changed: Partial<StoredForPage>) => void): () => void {
  const area = settingsArea(api);
  const listener = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
    const changed: Partial<StoredForPage> = {};
    const value = <T>(key: string, fallback: T) => (changes[key]?.newValue as T | undefined) ?? fallback;
    if (changedArea === area && STORED.settings.key in changes) changed.settings = value(STORED.settings.key, STORED.settings.fallback);
    if (changedArea === 'local' && STORED.dismissed.key in changes) changed.dismissed = value(STORED.dismissed.key, STORED.dismissed.fallback);
    if (Object.keys(changed).length > 0) onChange(changed);
  };
  api.storage.onChanged.addListener(listener);
  return () => api.storage.onChanged.removeListener(listener);
}

/** Remembers that the reader marked a passage of `page` "not framing" (see dismissed.ts). */
export async function storeDismissal(api: Pick<ExtensionApi, 'storage'>, page: string, key: string): Promise<void> {
  const stored = await api.storage.local.get(STORED.dismissed.key);
  const all = (stored[STORED.dismissed.key] as Dismissals | undefined) ?? STORED.dismissed.fallback;
  await api.storage.local.set({ [STORED.dismissed.key]: addDismissal(all, page, key) });
}
