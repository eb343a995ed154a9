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

const WORD = /\p{Script=Han}|[[\p{L}\p{N}\p{M}]--\p{Script=Han}]+(?:['’][[\p{L}\p{N}\p{M}]--\p{Script=Han}]+)*/gv;
const POSSESSIVE = /'s$/i;

export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const cased = m[0].replace(/’/g, "'").replace(POSSESSIVE, '');
    tokens.push({ norm: cased.toLowerCase(), cased, start: base + m.index, end: base + m.index + m[0].length });
  }
  return tokens;
}

export function isHan(word: string): boolean {
  return /^\p{Script=Han}/u.test(word);
}
