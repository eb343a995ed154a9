import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { mightMatch, type GateData } from '../match/gate-words';
import { unmeasured, type Measure } from '../measure';
import { roughText } from '../text/dom-text';

export type GateResult = { run: true } | { run: false; reason: 'not-http' | 'no-trigger-words' | 'not-an-article' };

/**
 * Decides, cheaply and on the page, whether a page is worth reading: an http(s) page whose text
 * (not its scripts) holds words the library could match, laid out like an article. It imports Readability's small readerable check, not Readability.
 * `url` is null for a saved page read from disk.
 */
export function gatePage(doc: Document, url: string | null, gate: GateData, measure: Measure = unmeasured): GateResult {
  if (url !== null && !/^https?:/i.test(url)) return { run: false, reason: 'not-http' };
  const text = doc.body ? measure('gate-text', () => roughText(doc.body!)) : '';
  if (!measure('gate-scan', () => mightMatch(gate, text))) return { run: false, reason: 'no-trigger-words' };
  if (!measure('gate-readerable', () => isProbablyReaderable(doc))) return { run: false, reason: 'not-an-article' };
  return { run: true };
}
