import { splitSentences } from '../text/sentences';

/**
 * A quote compared with the stored text of its source. Typographic quotation marks, dashes and runs
 * of white space count as their plain forms for the comparison only: the quote is shown as written.
 */
export function normaliseForComparison(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A stored page's readable text: its markup taken out, the few entities its text uses read. */
export function storedText(source: string): string {
  const text = source
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return normaliseForComparison(text);
}

export type QuoteVerdict = { ok: true } | { ok: false; message: string };

/**
 * Whether `quote` stands verbatim in `text` (a source's stored text, as storedText gives it) and is
 * one sentence at most. Where it does not, the message names the first word that differs: the quote
 * is set against the passage that holds the longest run of its first words (in any case, so that a
 * capital added or dropped is the word named), and read word by word from there.
 */
export function checkQuote(quote: string, text: string): QuoteVerdict {
  const wanted = normaliseForComparison(quote);
  const sentences = splitSentences(wanted).filter((s) => wanted.slice(s.start, s.end).trim() !== '');
  if (sentences.length > 1) return { ok: false, message: `is ${sentences.length} sentences; a quote is one sentence at most` };
  if (text.includes(wanted)) return { ok: true };
  const words = wanted.split(' ');
  const lower = text.toLowerCase();
  let run = 0;
  let at = -1;
  for (let found = 0; run < words.length; run++) {
    found = lower.indexOf(
      words
        .slice(0, run + 1)
        .join(' ')
        .toLowerCase(),
    );
    if (found < 0) break;
    at = found;
  }
  if (at < 0) return { ok: false, message: `is not in the source's text: no passage there starts with its first word, "${words[0]}"` };
  const theirs = text.slice(at).split(' ');
  let same = 0;
  while (same < words.length && words[same] === theirs[same]) same++;
  return {
    ok: false,
    message: `is not verbatim: it differs from the source at the word "${words[same] ?? ''}"${same > 0 ? ` (after "${words.slice(0, same).join(' ')}")` : ''}`,
  };
}
