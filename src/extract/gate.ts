import { isProbablyReaderable } from '@mozilla/readability';
import { mightMatch, type GateData } from '../match/gate-words';
import { visibleText } from '../text/dom-text';

export type GateResult = { run: true } | { run: false; reason: 'not-http' | 'no-trigger-words' | 'not-an-article' };

/**
 * Decides, cheaply and before Readability runs, whether a page is worth reading: an http(s) page
 * whose visible text (the text extraction would see: no scripts, styles or navigation) holds words
 * the library could match, laid out like an article. `url` is null for a saved page read from disk.
 */
export function gatePage(doc: Document, url: string | null, gate: GateData): GateResult {
  if (url !== null && !/^https?:/i.test(url)) return { run: false, reason: 'not-http' };
  if (!doc.body || !mightMatch(gate, visibleText(doc.body))) return { run: false, reason: 'no-trigger-words' };
  if (!isProbablyReaderable(doc)) return { run: false, reason: 'not-an-article' };
  return { run: true };
}
