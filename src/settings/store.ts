import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { InstalledPacks } from '../claims/packs';
import type { Dismissals } from '../page/dismissed';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from './settings';

/** Sync where the browser offers it, so settings follow the reader; local otherwise. */
function area(): 'sync' | 'local' {
  return browser.storage?.sync ? 'sync' : 'local';
}

/**
 * The settings item. Versioned from the first release: a change of shape bumps SETTINGS_VERSION and
 * adds a migration here, with a stored fixture of the old version in tests/fixtures/settings/.
 */
export function settingsItem() {
  return storage.defineItem<Settings>(`${area()}:settings`, {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
}

/** version → how to turn the previous version into it. Empty until the shape first changes. */
export const SETTINGS_MIGRATIONS: Record<number, (previous: any) => Settings> = {};

/** An item the background writes: settings, packs. */
interface WritableItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/**
 * The one writer of an item (the background owns it): changes run one after another, each reading
 * the latest value, so two tabs changing settings at once lose nothing.
 */
export function createSerialWriter<T>(item: WritableItem<T>) {
  let queue: Promise<unknown> = Promise.resolve();
  return function update(change: (current: T) => T): Promise<T> {
    const run = queue.then(async () => {
      const current = await item.getValue();
      const next = change(current);
      // A change that returns the value it was given (a refused import) writes nothing.
      if (next !== current) await item.setValue(next);
      return next;
    });
    queue = run.catch(() => undefined);
    return run;
  };
}

/** "Not framing" marks: this device only (local), since they are about pages read here. */
export function dismissalsItem() {
  return storage.defineItem<Dismissals>('local:dismissed', { fallback: {}, version: 1 });
}

/** Imported claim packs: this device only (local), since sync storage holds only about 100 KB. */
export function packsItem() {
  return storage.defineItem<InstalledPacks>('local:packs', { fallback: { packs: [], gate: null }, version: 1 });
}
