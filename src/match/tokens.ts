/**
 * Words for matching. A Han character is a word of its own (Chinese is written without spaces); any
 * other run of letters and digits is one word, apostrophes inside it included ("isn't"), with a
 * possessive "'s" dropped ("China's" is "china"). Hyphens and dots separate words, so "zero-sum"
 * and "zero sum" read the same, as do "U.S." and "U S".
 */
export interface Token {
  /** Lower-cased form, for case-insensitive comparison. */
  norm: string;
  /** Form as written (curly apostrophes made straight), for case-sensitive words such as "US". */
  cased: string;
  start: number;
  end: number;
}

export const WORD = /\p{Script=Han}|[[\p{L}\p{N}\p{M}]--\p{Script=Han}]+(?:['’][[\p{L}\p{N}\p{M}]--\p{Script=Han}]+)*/gv;
const POSSESSIVE = /'s$/i;

/** A word as the matcher compares it: straight apostrophes, no possessive "'s". */
export function casedForm(word: string): string {
  return word.replace(/’/g, "'").replace(POSSESSIVE, '');
}

export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const cased = casedForm(m[0]);
    tokens.push({ norm: cased.toLowerCase(), cased, start: base + m.index, end: base + m.index + m[0].length });
  }
  return tokens;
}
