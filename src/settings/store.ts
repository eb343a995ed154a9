import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { InstalledPacks } from '../claims/packs';
import { joinSettings, settingsArea, splitSettings, STORED, type SiteLists, type SyncedSettings, type V1Settings } from './page-store';
import type { Settings } from './settings';

/**
 * The version of the settings as stored (not of the settings file, which stays at SETTINGS_VERSION).
 * A change of shape bumps it and adds a migration below, with a stored fixture of the old version in
 * tests/fixtures/settings/.
 *
 * v1: everything in one `settings` item in storage.sync.
 * v2: the small settings (the default, pause, critiques, hidden frames) stay in that item, synced;
 *     the site lists move to their own `siteLists` item in storage.local (see STORED in page-store.ts
 *     for why local and not chunks in sync).
 */
export const STORED_SETTINGS_VERSION = 2;

/** The small settings, where they sync. */
function syncedItem() {
  return storage.defineItem<SyncedSettings>(`${settingsArea(browser)}:${STORED.settings.key}`, {
    fallback: STORED.settings.fallback,
    version: STORED_SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
}

/** The site lists, on this device. */
function siteListsItem() {
  return storage.defineItem<SiteLists>(`local:${STORED.siteLists.key}`, { fallback: STORED.siteLists.fallback, version: 1 });
}

/** version → how to turn the previous version into it. Each runs once, where the settings are first read. */
export const SETTINGS_MIGRATIONS: Record<number, (previous: unknown) => Promise<unknown>> = {
  // The site lists leave the synced item (whose 8 KB per item held about 400 sites) for storage.local.
  2: async (previous) => {
    const old = previous as V1Settings;
    const { synced, lists } = splitSettings(old);
    await siteListsItem().setValue(lists);
    return synced;
  },
};

/** The settings as one value, stored as two items (see STORED_SETTINGS_VERSION). */
export interface SettingsItem {
  getValue(): Promise<Settings>;
  /** Writes only the part that changed: a site switched writes storage.local alone, never sync. */
  setValue(value: Settings): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back with the settings whenever either part changes. Returns how to stop. */
  watch(callback: (settings: Settings) => void): () => void;
  /** Runs the migrations now (they also run on their own when the item is first read). */
  migrate(): Promise<void>;
}

export function settingsItem(): SettingsItem {
  const synced = syncedItem();
  const lists = siteListsItem();
  const getValue = async () => {
    const [small, sites] = await Promise.all([synced.getValue(), lists.getValue()]);
    return joinSettings(small, sites);
  };
  return {
    getValue,
    async setValue(value) {
      const next = splitSettings(value);
      const [small, sites] = await Promise.all([synced.getValue(), lists.getValue()]);
      const writes: Promise<void>[] = [];
      if (!sameValue(next.synced, small)) writes.push(synced.setValue(next.synced));
      if (!sameValue(next.lists, sites)) writes.push(lists.setValue(next.lists));
      await Promise.all(writes);
    },
    async removeValue() {
      await Promise.all([synced.removeValue(), lists.removeValue()]);
    },
    watch(callback) {
      const changed = () => void getValue().then(callback);
      const stops = [synced.watch(changed), lists.watch(changed)];
      return () => stops.forEach((stop) => stop());
    },
    async migrate() {
      await synced.migrate();
    },
  };
}

/**
 * Whether two stored values are the same. Not by their JSON: Chromium gives a stored object back
 * with its keys sorted, so the same settings read back would look changed, and every site switched
 * would write to storage.sync too, until its 120 writes a minute ran out.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => key in b && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** An item the background writes: settings, packs. */
interface WritableItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

interface Pending<T> {
  change: (current: T) => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * The one writer of an item (the background owns it): changes run one after another, each on the
 * latest value, so two tabs changing settings at once lose nothing. Changes that arrive while a write
 * is under way are applied together and written once: a burst of changes (600 sites switched off in
 * a row) is a few writes, not 600, which keeps storage.sync under its MAX_WRITE_OPERATIONS_PER_MINUTE.
 * A failed write rejects every change it carried, with the browser's reason, for the page that asked
 * to show.
 */
export function createSerialWriter<T>(item: WritableItem<T>) {
  let pending: Pending<T>[] = [];
  let running = false;
  async function drain(): Promise<void> {
    running = true;
    // Let the changes sent in the same moment join the first write.
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      let current: T;
      try {
        current = await item.getValue();
      } catch (error) {
        batch.forEach((p) => p.reject(error));
        continue;
      }
      let next = current;
      const done: { p: Pending<T>; value: T }[] = [];
      for (const p of batch) {
        try {
          next = p.change(next);
          done.push({ p, value: next });
        } catch (error) {
          p.reject(error);
        }
      }
      try {
        // A change that returns the value it was given (a refused import) writes nothing.
        if (next !== current) await item.setValue(next);
        done.forEach(({ p, value }) => p.resolve(value));
      } catch (error) {
        done.forEach(({ p }) => p.reject(error));
      }
    }
    running = false;
  }
  return function update(change: (current: T) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      pending.push({ change, resolve, reject });
      if (!running) void drain();
    });
  };
}

/** Imported claim packs: this device only (local), since sync storage holds only about 100 KB. */
export function packsItem() {
  return storage.defineItem<InstalledPacks>(`local:${STORED.packs.key}`, { fallback: STORED.packs.fallback, version: 1 });
}
