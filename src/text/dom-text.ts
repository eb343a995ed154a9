/**
 * The visible text of a DOM subtree as one string with whitespace collapsed, and a way back from an
 * offset in that string to a (text node, offset) point. Extraction builds the article's text with it
 * and anchoring builds the live page's text with it, so both sides agree character for character.
 */

import { runSteps, type Steps } from '../tasks/steps';

// Content a reader does not read as part of the article, or must never be annotated.
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'SVG',
  'MATH',
  'NAV',
  'ASIDE',
  'FOOTER',
  'FORM',
  'HEAD',
]);
const SKIPPED_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'search', 'banner', 'dialog', 'alert']);

// Elements after which a browser starts a new line; their edges count as whitespace.
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'BODY',
  'HTML',
  'IMG',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return true;
  // Our own UI (a custom element named counterframe-*) is never part of the page's text.
  if (tag.startsWith('COUNTERFRAME-')) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  return role !== null && SKIPPED_ROLES.has(role);
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

interface Segment {
  node: Text;
  /** Offset in the collapsed text where this node's first emitted character lands. */
  start: number;
  end: number;
}

export interface TextIndex {
  text: string;
  segments: Segment[];
}

export interface DomPoint {
  node: Text;
  offset: number;
}

// JavaScript's \s is exactly the whitespace a browser collapses in text (and isWs below).
const WHITESPACE_RUNS = /\s+/g;

function isWs(code: number): boolean {
  return (
    code === 32 ||
    code === 10 ||
    code === 9 ||
    code === 11 ||
    code === 13 ||
    code === 12 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// Elements whose text is code or form input, never prose (a page's JSON blobs would fool the gate).
const CODE_SELECTOR = 'script, style, noscript, textarea';

/**
 * The text of `root` for a quick scan of its words: its textContent without the text of code, in
 * document order, whitespace as the page has it, up to about `limit` characters. No layout, and no
 * script per node: it runs cold, so the engine does the walking.
 */
export function roughText(root: Element, limit = Infinity): string {
  const all = root.textContent ?? '';
  const parts: string[] = [];
  let from = 0;
  // Each code element's text stands in textContent, in document order: cut it out where it stands.
  for (const code of root.querySelectorAll(CODE_SELECTOR)) {
    const text = code.textContent ?? '';
    const at = text ? all.indexOf(text, from) : -1;
    if (at < 0) continue;
    parts.push(all.slice(from, at));
    from = at + text.length;
    if (from > limit) break;
  }
  parts.push(all.slice(from));
  const text = parts.join('');
  return text.length > limit ? text.slice(0, limit) : text;
}

/** Builds the collapsed text of `root`. Leading and trailing spaces are kept out of the text. */
export function buildTextIndex(root: Node): TextIndex {
  return runSteps(textIndexSteps(root));
}

// Marks, on the walk's stack, the end of a block element: a line break comes after its last child.
const BLOCK_END = Symbol('block end');

/** buildTextIndex, pausing after every `nodesPerStep` nodes (see steps.ts). */
export function* textIndexSteps(root: Node, nodesPerStep = Infinity): Steps<TextIndex> {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let pendingSpace = false;
  let nothingYet = true; // leading whitespace is dropped

  const breakHere = () => {
    if (!nothingYet) pendingSpace = true;
  };

  const addText = (node: Text) => {
    // Native collapsing, then the edges by hand: the per-node cost stays in the engine.
    let text = node.data.replace(WHITESPACE_RUNS, ' ');
    const spaceBefore = text.startsWith(' ');
    const spaceAfter = text.length > 1 && text.endsWith(' ');
    text = text.slice(spaceBefore ? 1 : 0, spaceAfter ? -1 : undefined);
    if (spaceBefore) breakHere();
    if (text === '') return;
    if (pendingSpace) {
      parts.push(' ');
      length++;
      pendingSpace = false;
    }
    segments.push({ node, start: length, end: length + text.length });
    parts.push(text);
    length += text.length;
    nothingYet = false;
    if (spaceAfter) pendingSpace = true;
  };

  // Depth first, with a stack of its own rather than recursion, so that it can pause anywhere.
  const stack: (Node | typeof BLOCK_END)[] = [root];
  let visited = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === BLOCK_END) {
      breakHere();
      continue;
    }
    if (++visited % nodesPerStep === 0) yield;
    if (node.nodeType === TEXT_NODE) {
      addText(node as Text);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const el = node.nodeType === ELEMENT_NODE ? (node as Element) : null;
    if (el && isSkippedElement(el)) continue;
    if (el !== null && isBlockElement(el)) {
      breakHere();
      stack.push(BLOCK_END);
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return { text: parts.join(''), segments };
}

function findSegment(index: TextIndex, offset: number, preferEnd: boolean): Segment | undefined {
  const { segments } = index;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid]!;
    if (preferEnd ? offset <= seg.start : offset < seg.start) hi = mid - 1;
    else if (preferEnd ? offset > seg.end : offset >= seg.end) lo = mid + 1;
    else return seg;
  }
  // Offset sits on a collapsed space between segments: use the next segment's start.
  return preferEnd ? segments[hi] : segments[lo];
}

/**
 * Maps an offset in `index.text` to a point in the DOM. A start offset maps to just before its
 * character; an end offset (`isEnd`) maps to just after the character before it.
 */
export function pointAt(index: TextIndex, offset: number, isEnd: boolean): DomPoint | null {
  const seg = findSegment(index, offset, isEnd);
  if (!seg) return null;
  const within = Math.min(Math.max(offset, seg.start), seg.end) - seg.start;
  return { node: seg.node, offset: rawOffset(seg.node, within, isEnd) };
}

/**
 * Raw offset in the node of the `wanted`-th emitted character (where it starts, or where it ends for an
 * end point). A segment's emitted text starts at the node's first non-space character, and each run of
 * whitespace inside it was emitted as one space, placed at the run's first character.
 */
function rawOffset(node: Text, wanted: number, isEnd: boolean): number {
  const data = node.data;
  let emitted = 0;
  let runStart = -1;
  let i = 0;
  while (i < data.length && isWs(data.charCodeAt(i))) i++;
  for (; i < data.length; i++) {
    if (isWs(data.charCodeAt(i))) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      if (!isEnd && emitted === wanted) return runStart;
      emitted++;
      if (isEnd && emitted === wanted) return runStart + 1;
      runStart = -1;
    }
    if (!isEnd && emitted === wanted) return i;
    emitted++;
    if (isEnd && emitted === wanted) return i + 1;
  }
  return data.length;
}
