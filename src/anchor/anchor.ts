import type { Match } from '../match/match';
import { runSteps, type Steps } from '../tasks/steps';
import { pointAt, textIndexSteps, type TextIndex } from '../text/dom-text';
import { elementAt } from './place';

/** A passage as Hypothesis describes one: its exact words and a little of what surrounds them. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** One highlighted sentence of the live page, with every match found in it. */
export interface AnchoredPassage {
  sentence: Range;
  /** The trigger phrases inside the sentence, one per match. */
  quotes: Range[];
  matches: Match[];
}

const CONTEXT_LENGTH = 32;

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export function selectorFor(articleText: string, start: number, end: number): QuoteSelector {
  return {
    exact: flatten(articleText.slice(start, end)),
    prefix: flatten(articleText.slice(Math.max(0, start - CONTEXT_LENGTH), start)),
    suffix: flatten(articleText.slice(end, end + CONTEXT_LENGTH)),
  };
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds the selector's exact text in `text`. Where it occurs more than once (a pull quote, a
 * repeated standfirst), the occurrence whose surroundings best agree with the prefix and suffix wins;
 * among equally good ones, the first at or after `from` (where the previous sentence was found), since
 * an article's sentences stand on the page in the order they were read.
 */
export function findQuote(text: string, selector: QuoteSelector, from = 0): { start: number; end: number } | null {
  if (!selector.exact) return null;
  let best: { start: number; score: number } | null = null;
  for (let at = text.indexOf(selector.exact); at >= 0; at = text.indexOf(selector.exact, at + 1)) {
    const before = text.slice(Math.max(0, at - selector.prefix.length), at);
    const after = text.slice(at + selector.exact.length, at + selector.exact.length + selector.suffix.length);
    // Being in reading order counts for less than one character of context.
    const score = commonSuffix(before, selector.prefix) + commonPrefix(after, selector.suffix) + (at >= from ? 0.5 : 0);
    if (!best || score > best.score) best = { start: at, score };
    // Nothing can beat the first occurrence in reading order whose context agrees in full.
    if (score === selector.prefix.length + selector.suffix.length + 0.5) break;
  }
  return best && { start: best.start, end: best.start + selector.exact.length };
}

export function rangeAt(doc: Document, index: TextIndex, start: number, end: number): Range | null {
  const from = pointAt(index, start, false);
  const to = pointAt(index, end, true);
  if (!from || !to) return null;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range.collapsed ? null : range;
}

/**
 * Re-finds each matched sentence in the live page (Readability worked on a copy) and returns DOM
 * ranges for it and for its trigger phrases. Matches whose text is no longer on the page are left out.
 */
export function anchorMatches(root: Node, articleText: string, matches: Match[]): AnchoredPassage[] {
  return runSteps(anchorSteps(root, articleText, matches));
}

/** How many nodes of the page anchoring reads before it lets the page run (on the page; see steps.ts). */
export const NODES_PER_STEP = 4000;

/** One matched sentence, anchored: a range over it, and one over each of its matches' trigger words. */
function anchorSentence(doc: Document, index: TextIndex, found: { start: number; end: number }, group: [Match, ...Match[]]): AnchoredPassage | null {
  const { sentenceStart } = group[0];
  const sentence = rangeAt(doc, index, found.start, found.end);
  if (!sentence) return null;
  const quotes = group
    .map((m) => rangeAt(doc, index, found.start + (m.start - sentenceStart), found.start + (m.end - sentenceStart)))
    .filter((r): r is Range => r !== null);
  return { sentence, quotes, matches: group };
}

/**
 * anchorMatches, pausing while it reads the page's text. Each sentence is looked for first in the
 * block its passage came from (see place.ts), which reads a paragraph rather than the whole page;
 * only the sentences not found there are looked for in the page's whole text.
 */
export function* anchorSteps(root: Node, articleText: string, matches: Match[], nodesPerStep = Infinity): Steps<AnchoredPassage[]> {
  const doc = root.ownerDocument ?? (root as Document);
  const bySentence = new Map<number, [Match, ...Match[]]>();
  for (const match of matches) {
    const group = bySentence.get(match.sentenceStart);
    if (group) group.push(match);
    else bySentence.set(match.sentenceStart, [match]);
  }
  const groups = [...bySentence.values()]
    .sort((a, b) => a[0].sentenceStart - b[0].sentenceStart)
    .map((group) => ({ group, selector: selectorFor(articleText, group[0].sentenceStart, group[0].sentenceEnd) }));
  const anchored: (AnchoredPassage | null)[] = groups.map(() => null);
  // A sentence costs about as much as a few dozen nodes of the walk below.
  const sentencesPerStep = Math.max(1, Math.floor(nodesPerStep / 40));
  const blocks = new Map<Element, TextIndex>();
  for (const [i, { group, selector }] of groups.entries()) {
    if (i > 0 && i % sentencesPerStep === 0) yield;
    const block = group[0].place && elementAt(root, group[0].place);
    if (!block) continue;
    // A block Readability made up may stand for a large part of the page: it is read in steps too.
    const index = blocks.get(block) ?? (yield* textIndexSteps(block, nodesPerStep));
    blocks.set(block, index);
    const found = findQuote(index.text, selector);
    if (found) anchored[i] = anchorSentence(doc, index, found, group);
  }
  if (anchored.includes(null)) {
    const index = yield* textIndexSteps(root, nodesPerStep);
    let from = 0;
    for (const [i, { group, selector }] of groups.entries()) {
      if (anchored[i]) continue;
      if (i > 0 && i % sentencesPerStep === 0) yield;
      const found = findQuote(index.text, selector, from);
      if (!found) continue;
      from = found.end;
      anchored[i] = anchorSentence(doc, index, found, group);
    }
  }
  return anchored.filter((a): a is AnchoredPassage => a !== null);
}
