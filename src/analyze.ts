import { extractArticle, passagesOf, type Article } from './extract/extract';
import { gatePage, type GateResult } from './extract/gate';
import type { CompiledLibrary, LibrarySource } from './match/compile';
import { matchPassages, type Match } from './match/match';
import { unmeasured, type Measure } from './measure';

export interface PageAnalysis {
  gate: GateResult;
  title: string;
  /** The article, when the page got as far as Readability and Readability found one. */
  article: Article | null;
  matches: Match[];
}

/**
 * The pipeline up to matching: gate, extract, match. The extension, the command line and the tests
 * all call this, so they flag the same passages. A page the gate turns away costs one text scan.
 */
export function analyzeDocument(doc: Document, url: string | null, source: LibrarySource, measure: Measure = unmeasured): PageAnalysis {
  const gate = measure('gate', () => gatePage(doc, url, source.gate));
  const article = gate.run ? measure('extract', () => extractArticle(doc)) : null;
  return {
    gate,
    title: article?.title || doc.title,
    article,
    matches: article ? measure('match', () => matchPassages(source.compile(), article.passages)) : [],
  };
}

/** Matches lines of text as passages of their own, without Readability: one result per line. */
export function analyzeLines(lines: string[], compiled: CompiledLibrary): { line: number; matches: Match[] }[] {
  return lines.map((line, i) => ({ line: i + 1, matches: matchPassages(compiled, passagesOf([line.trim()]).passages) }));
}
