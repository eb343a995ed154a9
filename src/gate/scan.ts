import { normaliseText } from '../stance/normalise';

/**
 * The page gate's scan, run where pages are read, before Readability, on each page whose text has
 * the words the library's claims need (the gate script's first look found them): plain data and
 * native string search only. The data is made from the library (gate-words.ts).
 */

/**
 * The page gate's data: for each claim, the words a page must hold for one of its triggers to match,
 * and for each context, likewise. Plain arrays of words, each looked for once in a page's text: far
 * less work than Readability on a page that cannot match.
 */
export interface GateWords {
  exact: string[];
  prefixes: string[];
  /** Words the pattern writes with a capital ("AI", "US"): looked for in the text as it is, so "us" and "said" do not count. */
  cased: string[];
  casedPrefixes: string[];
  han: string[];
}

export interface GateData {
  claims: { trigger: GateWords; needs: string[] }[];
  contexts: Record<string, GateWords>;
  /**
   * Contexts whose words a page must hold for any claim to match (each claim needs one of them), or
   * null where a claim needs none. The gate script looks for them first (first-look.ts).
   */
  mentions: string[] | null;
}

/**
 * A character that surely continues a word as the matcher reads words: an ASCII letter or digit.
 * Other characters count as between words, which can only let more pages through, never fewer; and
 * it is what the gate script's first look tests without Unicode tables, so that the look lets on
 * every page the scan would.
 */
function continuesWord(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

function isSpace(code: number): boolean {
  return code <= 32 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b);
}

/**
 * Whether `entry` (lower case; several words joined by single spaces) stands in `text` (lower case)
 * as whole words, in sequence, with anything but letters between them ("a.i.", "arms-race"). A
 * `prefix` entry may go on into a longer word. Native indexOf finds the candidates: this runs cold,
 * once per page, so it leaves the per-character work to the engine.
 */
function stands(text: string, entry: string, prefix: boolean): boolean {
  // split always gives at least one word.
  const [first = '', ...rest] = entry.split(' ');
  for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
    if (continuesWord(text[at - 1])) continue;
    let end = at + first.length;
    let whole = true;
    for (const word of rest) {
      // Between words: any whitespace (a page's source breaks lines anywhere) and a few other characters.
      let next = end;
      let others = 0;
      while (next < text.length && !continuesWord(text[next]) && (isSpace(text.charCodeAt(next)) || ++others <= 4)) next++;
      whole = next > end && text.startsWith(word, next);
      end = next + word.length;
      if (!whole) break;
    }
    if (whole && (prefix || !continuesWord(text[end]))) return true;
  }
  return false;
}

/**
 * A cheap, necessary test on a page's text: false only when no claim could match anywhere in it (no
 * claim has both a trigger's telling word and a telling word of each context it needs). Each word is
 * looked for at most once, and only until the answer is known.
 */
export function hasClaimWords(gate: GateData, page: string): boolean {
  // Words are compared with straight apostrophes, as the matcher's tokens are ("can’t" is "can't"),
  // and Traditional characters as Simplified, as the matcher reads them.
  const text = normaliseText(page).replace(/’/g, "'");
  const lower = text.toLowerCase();
  const seen = new Map<string, boolean>();
  const look = (entry: string, prefix: boolean, cased: boolean) => {
    const key = `${cased ? 'C' : 'c'}${prefix ? 'P' : 'p'}${entry}`;
    let found = seen.get(key);
    if (found === undefined) seen.set(key, (found = stands(cased ? text : lower, entry, prefix)));
    return found;
  };
  const has = (w: GateWords | undefined) =>
    w !== undefined &&
    (w.cased.some((x) => look(x, false, true)) ||
      w.exact.some((x) => look(x, false, false)) ||
      w.casedPrefixes.some((p) => look(p, true, true)) ||
      w.prefixes.some((p) => look(p, true, false)) ||
      w.han.some((seq) => lower.includes(seq)));
  const contexts = new Map<string, boolean>();
  const hasContext = (name: string) => {
    let found = contexts.get(name);
    if (found === undefined) contexts.set(name, (found = has(gate.contexts[name])));
    return found;
  };
  return gate.claims.some((c) => c.needs.every(hasContext) && has(c.trigger));
}
