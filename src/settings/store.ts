import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { InstalledPacks } from '../claims/packs';
import { settingsArea, STORED } from './page-store';
import { SETTINGS_VERSION, type Settings } from './settings';

/**
 * The settings item. Versioned from the first release: a change of shape bumps SETTINGS_VERSION and
 * adds a migration here, with a stored fixture of the old version in tests/fixtures/settings/.
 */
export function settingsItem() {
  return storage.defineItem<Settings>(`${settingsArea(browser)}:${STORED.settings.key}`, {
    fallback: STORED.settings.fallback,
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
}

/** version → how to turn the previous version into it. Empty until the shape first changes. */
export const SETTINGS_MIGRATIONS: Record<number, (previous: unknown) => Settings> = {};

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

/** Imported claim packs: this device only (local), since sync storage holds only about 100 KB. */
export function packsItem() {
  return storage.defineItem<InstalledPacks>(`local:${STORED.packs.key}`, { fallback: STORED.packs.fallback, version: 1 });
}
