import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
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

export type SettingsItem = ReturnType<typeof settingsItem>;

/**
 * The one writer of settings (the background owns it): changes run one after another, each reading
 * the latest value, so two tabs changing settings at once lose nothing.
 */
export function createSettingsWriter(item: SettingsItem) {
  let queue: Promise<unknown> = Promise.resolve();
  return function update(change: (current: Settings) => Settings): Promise<Settings> {
    const run = queue.then(async () => {
      const next = change(await item.getValue());
      await item.setValue(next);
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
