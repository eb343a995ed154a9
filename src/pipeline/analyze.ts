import { cardLibraryFor } from '../card/card-view';
import { extractArticle, passagesOf } from '../extract/extract';
import { gatePage, type GateResult } from '../gate/gate';
import type { CompiledLibrary, LibrarySource } from '../match/compile';
import { matchPassages, type Match } from '../match/match';
import { unmeasured, type Measure } from '../tasks/measure';
import { NOTHING_READ, type PageReading } from './reading';

export interface PageAnalysis extends PageReading {
  gate: GateResult;
}

/** A page flags at most this many sentences: more would not help a reader, and it bounds the work on the page. */
export const MAX_FLAGGED_SENTENCES = 1000;

/** The matches of the first MAX_FLAGGED_SENTENCES sentences that have any. */
function firstSentences(matches: Match[]): Match[] {
  const kept = new Set<number>();
  return matches.filter((m) => {
    if (kept.size < MAX_FLAGGED_SENTENCES) kept.add(m.sentenceStart);
    return kept.has(m.sentenceStart);
  });
}

/**
 * Readability, then matching. The extension runs this away from the page's main thread (the
 * offscreen document in Chromium, the background page in Firefox) on a copy of the page parsed from
 * its HTML, which Readability may change: `ownCopy` says so and spares a clone.
 */
export function analyzeArticle(doc: Document, compiled: CompiledLibrary, measure: Measure = unmeasured, ownCopy = false): PageReading {
  const article = measure('extract', () => extractArticle(doc, ownCopy));
  const matches = article ? measure('match', () => firstSentences(matchPassages(compiled, article.passages))) : [];
  return { title: article?.title || doc.title, articleText: article?.text ?? null, matches, cards: cardLibraryFor(compiled, matches) };
}

/**
 * The whole pipeline in one place, for the extension, the command line and the tests: gate, extract,
 * match. A page the gate turns away costs one text scan, and Readability does not run. `ownCopy`: as
 * for analyzeArticle.
 */
export function analyzeDocument(doc: Document, url: string | null, source: LibrarySource, measure: Measure = unmeasured, ownCopy = false): PageAnalysis {
  const gate = measure('gate', () => gatePage(doc, url, source.gate));
  return { gate, ...(gate.run ? analyzeArticle(doc, source.compile(), measure, ownCopy) : { ...NOTHING_READ, title: doc.title }) };
}

/**
 * analyzeDocument on a page's serialised HTML (see serializePage), as the extension reads pages away
 * from them. The page checked its own address (http or https) before it sent itself.
 */
export function analyzeHtml(html: string, source: LibrarySource, parser: DOMParser, measure: Measure = unmeasured): PageAnalysis {
  const doc = measure('parse', () => parser.parseFromString(html, 'text/html'));
  return analyzeDocument(doc, null, source, measure, true);
}

/** Matches lines of text as passages of their own, without Readability: one result per line. */
export function analyzeLines(lines: string[], compiled: CompiledLibrary): { line: number; matches: Match[] }[] {
  return lines.map((line, i) => ({ line: i + 1, matches: matchPassages(compiled, passagesOf([line.trim()]).passages) }));
}
