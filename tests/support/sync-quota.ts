import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * storage.sync's documented limits, the same in Chromium and Firefox (developer.chrome.com
 * "chrome.storage", MDN "storage.sync"), which WXT's fake browser does not enforce. Its errors are
 * Chromium's messages.
 */
export const SYNC_QUOTAS = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
};

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

const bytes = (key: string, value: unknown) => new TextEncoder().encode(key + JSON.stringify(value)).length;

/**
 * Makes the fake browser's storage.sync refuse what the real one refuses: an item over 8 KB, more
 * than 100 KB in all, and more than 120 writes in a minute (or 1,800 in an hour) of the clock `now`
 * (fake timers' Date.now by default). Call after fakeBrowser.reset(); returns the writes it let through.
 */
export function enforceSyncQuotas(now: () => number = () => Date.now()) {
  const area = fakeBrowser.storage.sync;
  const set = area.set.bind(area);
  const get = area.get.bind(area);
  const remove = area.remove.bind(area);
  const writes: { at: number; keys: string[] }[] = [];
  const countWrite = (keys: string[]) => {
    const at = now();
    const inLast = (ms: number) => writes.filter((w) => w.at > at - ms).length;
    if (inLast(60_000) >= SYNC_QUOTAS.MAX_WRITE_OPERATIONS_PER_MINUTE) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    if (inLast(3_600_000) >= SYNC_QUOTAS.MAX_WRITE_OPERATIONS_PER_HOUR) throw new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
    writes.push({ at, keys });
  };
  // Chromium gives objects back with their keys sorted (its storage keeps them as sorted dictionaries).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- as below
  vi.spyOn(area, 'get').mockImplementation(async (keys?: string | string[] | Record<string, unknown> | null) => sortedKeys(await get(keys as never)) as never);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the area's own methods return promises
  vi.spyOn(area, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(items)) {
      if (bytes(key, value) > SYNC_QUOTAS.QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }
    const stored = { ...(await get(null)), ...items };
    if (Object.keys(stored).length > SYNC_QUOTAS.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
    if (Object.entries(stored).reduce((sum, [key, value]) => sum + bytes(key, value), 0) > SYNC_QUOTAS.QUOTA_BYTES)
      throw new Error('QUOTA_BYTES quota exceeded');
    countWrite(Object.keys(items));
    await set(items);
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- as above
  vi.spyOn(area, 'remove').mockImplementation(async (keys: string | string[]) => {
    countWrite(typeof keys === 'string' ? [keys] : keys);
    await remove(keys);
  });
  return writes;
}
