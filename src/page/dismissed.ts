/**
 * "Not framing": passages a reader marked as false alarms, remembered per page on this device. Only
 * a hash of each sentence is kept, never the page's text, and only for the most recent pages.
 */

export type Dismissals = Record<string, string[]>;

export const MAX_DISMISSED_PAGES = 500;

/** The page a dismissal belongs to: origin and path, without query or fragment. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

/** A short stable hash (FNV-1a, 32 bits) of a sentence with its whitespace folded. */
export function sentenceKey(sentence: string): string {
  let hash = 0x811c9dc5;
  for (const ch of sentence.replace(/\s+/g, ' ').trim()) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Adds a dismissal; the page moves to the end (most recent) and the oldest pages beyond the limit go. */
export function addDismissal(all: Dismissals, page: string, key: string): Dismissals {
  const { [page]: current = [], ...others } = all;
  const next: Dismissals = { ...others, [page]: current.includes(key) ? current : [...current, key] };
  const pages = Object.keys(next);
  for (const old of pages.slice(0, Math.max(0, pages.length - MAX_DISMISSED_PAGES))) delete next[old];
  return next;
}
