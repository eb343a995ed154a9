import { isBlockElement, isSkippedElement } from '../text/dom-text';

/**
 * Where a block of the article stands on the page: the n-th element of its tag name, in document
 * order. The page is read from a copy of its HTML; counting by tag survives that trip, since
 * serialising drops scripts, styles and SVG but never a paragraph. Anchoring then reads that one
 * block of the live page instead of all of it, and falls back to all of it when the block is not
 * where the copy said (a page that changed meanwhile).
 */
export interface PagePlace {
  tag: string;
  index: number;
}

const PLACE_ATTRIBUTE = 'data-counterframe-place';

/**
 * Writes each block element's place on it, in a throwaway copy of the page, before Readability
 * moves things around (it keeps attributes, and copies them onto the elements it renames).
 */
export function markPlaces(doc: Document): void {
  const counts = new Map<string, number>();
  let noscript: Element | null = null;
  // A static list: a live HTMLCollection costs jsdom a lookup per index (the command line reads pages with it).
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    // A copy parsed without scripting has elements inside <noscript>; the live page has text there.
    if (noscript?.contains(el)) continue;
    if (el.localName === 'noscript') noscript = el;
    const tag = el.localName;
    const index = counts.get(tag) ?? 0;
    counts.set(tag, index + 1);
    if (isBlockElement(el)) el.setAttribute(PLACE_ATTRIBUTE, `${tag} ${index}`);
  }
}

/** The place markPlaces wrote on `el` or on its nearest marked ancestor (Readability adds blocks of its own). */
export function placeOf(el: Element): PagePlace | undefined {
  const [tag, index] = el.closest(`[${PLACE_ATTRIBUTE}]`)?.getAttribute(PLACE_ATTRIBUTE)?.split(' ') ?? [];
  return tag && index ? { tag, index: Number(index) } : undefined;
}

/** The live page's element at `place`, if it stands inside `root` in text a reader reads. */
export function elementAt(root: Node, place: PagePlace): Element | undefined {
  const doc = root.ownerDocument ?? (root as Document);
  const el = doc.getElementsByTagName(place.tag)[place.index];
  if (!el || !root.contains(el)) return undefined;
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) if (isSkippedElement(at)) return undefined;
  return el;
}
