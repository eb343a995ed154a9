import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { hasClaimWords, type GateData } from './scan';
import { roughText } from '../text/dom-text';
import { isWebPage } from './web-pages';

// Chinese, Japanese and Korean say in one character what takes English several: Readability's
// readerable check counts characters, so their paragraphs need proportionally fewer.
const MIN_PARAGRAPH = { latin: 140, cjk: 50 };

/** Kana, CJK ideographs and Hangul syllables, by code unit: no Unicode tables in the gate script. */
function isCjk(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff);
}

function mostlyCjk(text: string): boolean {
  const sample = text.slice(0, 4000).replace(/\s+/g, '');
  let cjk = 0;
  for (let i = 0; i < sample.length; i++) if (isCjk(sample.charCodeAt(i))) cjk++;
  return sample.length > 0 && cjk > sample.length * 0.3;
}

/** Readability's readerable check, with paragraphs measured fairly in CJK text. `text` is the page's (roughText). */
export function looksLikeArticle(doc: Document, text: string): boolean {
  return isProbablyReaderable(doc, { minContentLength: mostlyCjk(text) ? MIN_PARAGRAPH.cjk : MIN_PARAGRAPH.latin });
}

export type GateResult = { run: true } | { run: false; reason: 'not-http' | 'no-trigger-words' | 'not-an-article' };

/** The gate reads at most this much of a page's text: enough for any article, and bounded on any page. */
export const GATE_TEXT_LIMIT = 1_000_000;

/**
 * Decides, cheaply, whether a page is worth reading: an http(s) page whose text (not its scripts)
 * holds words the library could match, laid out like an article. The extension runs it where pages
 * are read, on their copy, before Readability (see src/background/reading.ts); the gate script on the
 * page has only looked for the words the claims need (first-look.ts). `url` is null for a page whose
 * address was checked already, or a saved page read from disk.
 */
export function gatePage(doc: Document, url: string | null, gate: GateData): GateResult {
  if (url !== null && !isWebPage(url)) return { run: false, reason: 'not-http' };
  const text = doc.body ? roughText(doc.body, GATE_TEXT_LIMIT) : '';
  if (!hasClaimWords(gate, text)) return { run: false, reason: 'no-trigger-words' };
  if (!looksLikeArticle(doc, text)) return { run: false, reason: 'not-an-article' };
  return { run: true };
}
