import { analyzeHtml } from './analyze';
import type { PageReading } from './reading';
import { libraryWith, storedPacks } from '../claims/packs';
import { compileLibrary, eagerSource, type LibrarySource } from '../match/compile';
import { bundledStanceModel } from '../stance/bundled';
import { unmeasured, type Measure } from '../tasks/measure';

/**
 * Reads pages for the content scripts, away from the page's main thread: in Firefox's background page
 * or Chromium's offscreen document, the two places that have a DOM parser. Each page first passes the
 * gate's scan and readerable check here (the gate script on the page only looked for the words its
 * claims need), then Readability and the library. The library is compiled once, and again only when
 * the reader's packs change. `timed` (the benchmark build) adds each stage's time to the reading.
 */
export function createHtmlAnalyzer(parser: DOMParser, timed = false) {
  let compiledFor: string | undefined;
  let source: LibrarySource | undefined;
  const library = (packs: unknown[], measure: Measure): LibrarySource => {
    const key = JSON.stringify(packs);
    if (!source || key !== compiledFor) {
      source = measure('compile', () => eagerSource(compileLibrary(libraryWith(storedPacks(packs)))));
      // Loaded with the library, so that its cost shows as a stage of its own, once.
      measure('model', bundledStanceModel);
      compiledFor = key;
    }
    return source;
  };
  return (html: string, packs: unknown[]): PageReading => {
    if (!timed) return analyzeHtml(html, library(packs, unmeasured), parser);
    const timings: Record<string, number> = {};
    const measure: Measure = (stage, work) => {
      const start = performance.now();
      try {
        return work();
      } finally {
        timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
      }
    };
    return { ...analyzeHtml(html, library(packs, measure), parser, measure), timings };
  };
}
