/**
 * In an extension page: finds the tab whose reader reports this URL, sends it `message` if one is
 * given, and returns the tab's id and the reader's summary. A tab showing the URL without a reader
 * (the gate turned the page away, or has not passed it yet) comes back with a null summary; null if
 * no tab shows the URL. Self-contained, as functions handed to a page are serialised on their own.
 */
export async function withTab(args: { url: string; message?: unknown }): Promise<{ tabId: number; summary: any } | null> {
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  let unread: { tabId: number; summary: null } | null = null;
  for (const tab of await api.tabs.query({})) {
    const summary = await api.tabs.sendMessage(tab.id, { type: 'page:summary' }).catch(() => null);
    if (summary?.url !== args.url) {
      if (!summary && tab.url === args.url) unread = { tabId: tab.id, summary: null };
      continue;
    }
    if (args.message) await api.tabs.sendMessage(tab.id, args.message);
    return { tabId: tab.id, summary };
  }
  return unread;
}

/** In an extension page: the settings as stored. */
export async function storedSettings(): Promise<unknown> {
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  return (await api.storage.sync.get('settings')).settings ?? null;
}

/** In an extension page: the imported claim packs as stored (null before the first import). */
export async function storedPacks(): Promise<unknown> {
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  return (await api.storage.local.get('packs')).packs ?? null;
}

/** In an extension page: the site lists as stored (storage.local since settings v2), null before any. */
export async function storedSiteLists(): Promise<{ enabled: string[]; disabled: string[] } | null> {
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  return (await api.storage.local.get('siteLists')).siteLists ?? null;
}

/** In the options page: hands `text` to the file input `id` as the file the user chose. */
export function chooseFile(args: { id: string; text: string }): void {
  const input = document.getElementById(args.id) as HTMLInputElement;
  const files = new DataTransfer();
  files.items.add(new File([args.text], 'chosen.json', { type: 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}
