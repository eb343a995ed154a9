import { Readability } from '@mozilla/readability';
import { markPlaces, placeOf, type PagePlace } from '../anchor/place';
import type { Passage } from '../match/match';
import { buildTextIndex, isBlockElement, isSkippedElement } from '../text/dom-text';

export interface Article {
  title: string;
  /** The article's text: its passages joined by blank lines. Match offsets point into this. */
  text: string;
  passages: Passage[];
}

const PASSAGE_SEPARATOR = '\n\n';

/**
 * Leaf blocks of Readability's output (paragraphs, headings, list items, quotes): elements that hold
 * text and no block of their own. A block that mixes loose text with nested blocks counts as one
 * passage, which keeps every word of the article in exactly one passage.
 */
function leafBlocks(root: Element): Element[] {
  const blocks: Element[] = [];
  const visit = (el: Element): boolean => {
    let hasBlockChild = false;
    // Sibling by sibling: indexing a live HTMLCollection costs jsdom a lookup per index, quadratic on a long article.
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (isSkippedElement(child)) continue;
      if (visit(child) || isBlockElement(child)) hasBlockChild = true;
    }
    const ownText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim() !== '');
    if (isBlockElement(el) && (!hasBlockChild || ownText)) {
      // A block that holds loose text and inner blocks is one passage: its inner blocks, pushed just
      // before it (the walk is depth first), give way to it.
      while (blocks.length > 0 && el.contains(blocks[blocks.length - 1]!)) blocks.pop();
      blocks.push(el);
      return true;
    }
    return hasBlockChild;
  };
  visit(root);
  return blocks;
}

export function passagesOf(blocks: string[]): { text: string; passages: Passage[] } {
  const passages: Passage[] = [];
  let offset = 0;
  for (const text of blocks) {
    if (!text) continue;
    if (passages.length > 0) offset += PASSAGE_SEPARATOR.length;
    passages.push({ text, start: offset });
    offset += text.length;
  }
  return { text: passages.map((p) => p.text).join(PASSAGE_SEPARATOR), passages };
}

/**
 * Past this much text, Readability's time grows far faster than the page's (quadratically, on a
 * multi-megabyte article): such a page is read from its main element instead, in linear time.
 */
export const READABILITY_MAX_TEXT = 500_000;

/** A block of the article's text, and where it stands on the page when known. */
interface Block {
  text: string;
  place: PagePlace | undefined;
}

/**
 * The article's headline, which Readability takes out of the content it returns (it is the title):
 * the page's first h1 that says what the title says, or the title itself, where the page has none.
 * A headline is often the line that frames the story most, so it is read as the article's first
 * passage. Found in the marked copy before Readability changes it.
 */
function headlineOf(doc: Document): (title: string) => Block | null {
  const h1 = Array.from(doc.querySelectorAll('h1')).find((el) => !isSkippedElement(el) && buildTextIndex(el).text);
  const heading = h1 && { text: buildTextIndex(h1).text, place: placeOf(h1) };
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  return (title) => {
    if (heading && (!title || fold(title).includes(fold(heading.text)))) return heading;
    return title.trim() ? { text: title.trim(), place: undefined } : null;
  };
}

/** The article in `root`, each passage with its block's place where markPlaces marked the page. */
function articleOf(root: Element, title: string, headline: Block | null = null): Article {
  const leaves = leafBlocks(root);
  if (leaves.length === 0) return { title, ...passagesOf([buildTextIndex(root).text]) };
  // passagesOf leaves out blocks without text: their places go with them, and each block left makes one passage.
  const body = leaves.map((el) => ({ text: buildTextIndex(el).text, place: placeOf(el) })).filter((b) => b.text);
  const blocks = headline && !body.some((b) => b.text === headline.text) ? [headline, ...body] : body;
  const { text, passages } = passagesOf(blocks.map((b) => b.text));
  return {
    title,
    text,
    passages: passages.map((p, i) => {
      const { place } = blocks[i]!;
      return place ? { ...p, place } : p;
    }),
  };
}

/**
 * Runs Readability and splits the article into passages. Readability changes the document it reads:
 * it works on a clone unless `ownCopy` says the document is a throwaway copy already. Returns null
 * when Readability finds no article.
 */
export function extractArticle(doc: Document, ownCopy = false): Article | null {
  if (doc.body && (doc.body.textContent?.length ?? 0) > READABILITY_MAX_TEXT) {
    return articleOf(doc.querySelector('article, main, [role="main"]') ?? doc.body, doc.title);
  }
  const copy = ownCopy ? doc : (doc.cloneNode(true) as Document);
  markPlaces(copy);
  const headline = headlineOf(copy);
  const parsed = new Readability<Element>(copy, { serializer: (el) => el as Element }).parse();
  if (!parsed?.content) return null;
  const title = parsed.title ?? doc.title ?? '';
  return articleOf(parsed.content, title, headline(title));
}
