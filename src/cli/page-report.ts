import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeDocument } from '../pipeline/analyze';
import { looksLikeArticle } from '../gate/gate';
import { bundledLibrary } from '../claims/library';
import type { CardLibrary } from '../card/card-view';
import { compileLibrary, eagerSource, type LibrarySource } from '../match/compile';
import type { Match } from '../match/match';
import { roughText } from '../text/dom-text';

/** The stable JSON shape of one page; later versions may add fields, never rename or remove them. */
export interface PageReport {
  title: string;
  readerable: boolean;
  matches: ReportedMatch[];
}

/** A match as the report gives it: where its block stands in the page is for anchoring, not for readers. */
export type ReportedMatch = Omit<Match, 'place'>;

let bundled: LibrarySource | undefined;

/** Parses saved HTML with jsdom and runs the extension's pipeline on it: the JSON report, and the cards of its matches. */
export function readPage(
  html: string,
  source: LibrarySource = (bundled ??= eagerSource(compileLibrary(bundledLibrary))),
): { page: PageReport; cards: CardLibrary } {
  // A saved page has no live URL; Readability resolves relative links against this placeholder.
  const dom = new JSDOM(html, { url: 'https://saved-page.invalid/', virtualConsole: new VirtualConsole() });
  try {
    const doc = dom.window.document;
    const { title, matches, cards } = analyzeDocument(doc, null, source);
    return {
      page: {
        title,
        readerable: looksLikeArticle(doc, doc.body ? roughText(doc.body) : ''),
        matches: matches.map(({ place: _place, ...match }) => match),
      },
      cards,
    };
  } finally {
    dom.window.close();
  }
}

/** What `annotate --json` prints for a page. */
export function reportPage(html: string, source?: LibrarySource): PageReport {
  return readPage(html, source).page;
}
