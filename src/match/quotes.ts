import type { Span } from '../text/sentences';

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '«': '»', '„': '“', '"': '"' };

/**
 * Spans of text inside quotation marks. A ‘ only opens a quote at the start of a word and a ’ only
 * closes one at the end of a word, so apostrophes ("China’s", "isn’t") are not taken for quotes.
 */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const open: { close: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const top = open[open.length - 1];
    if (top && ch === top.close) {
      const letterAfter = /[\p{L}\p{N}]/u.test(text[i + 1] ?? '');
      if (ch === '’' && letterAfter) continue;
      open.pop();
      spans.push({ start: top.at + 1, end: i });
      continue;
    }
    const close = PAIRS[ch];
    if (!close) continue;
    if (ch === '‘' && /[\p{L}\p{N}]/u.test(text[i - 1] ?? '')) continue;
    if (ch === '"' && top?.close === '"') continue;
    open.push({ close, at: i });
  }
  return spans;
}
