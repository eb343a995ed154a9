import type { ClaimLibrary } from '../claims/types';
import { parsePattern, tellingAlternatives } from './pattern';

/**
 * The page gate's data: for each claim, the words a page must hold for one of its triggers to match,
 * and for each context, likewise. Plain arrays, so the extension ships it precomputed (JSON) and
 * compiles the library only for pages that pass.
 */
export interface GateWords {
  exact: string[];
  prefixes: string[];
  han: string[];
}

export interface GateData {
  claims: { trigger: GateWords; needs: string[] }[];
  contexts: Record<string, GateWords>;
}

const HAN = /^\p{Script=Han}+$/u;
/** Word sequences up to this long are tracked as sequences by the gate's scan. */
const MAX_SEQUENCE = 3;

/**
 * What a page's text must hold for one of these patterns to match in it. For each pattern, its
 * telling step; for each alternative of that step, one word it cannot match without: its longest
 * word, or the whole alternative where it is Chinese (tested as a plain substring: no spaces there).
 */
function gateWordsOf(sources: string[]): GateWords {
  const words = { exact: new Set<string>(), prefixes: new Set<string>(), han: new Set<string>() };
  for (const source of sources) {
    for (const atoms of tellingAlternatives(parsePattern(source))) {
      const joined = atoms.map((a) => a.word).join('');
      if (HAN.test(joined)) {
        words.han.add(joined);
        continue;
      }
      const latin = atoms.filter((a) => !HAN.test(a.word));
      const last = latin[latin.length - 1];
      if (latin.length === 1 || latin.length > MAX_SEQUENCE || last.prefix) {
        // One word, or a sequence too long to track: its longest word must be there.
        const longest = latin.reduce((best, a) => (a.word.length > best.word.length ? a : best));
        (longest.prefix ? words.prefixes : words.exact).add(longest.word.toLowerCase());
      } else {
        // "A.I." must be tested as "a i": "a" alone is on every page.
        words.exact.add(latin.map((a) => a.word.toLowerCase()).join(' '));
      }
    }
  }
  return { exact: [...words.exact].sort(), prefixes: [...words.prefixes].sort(), han: [...words.han].sort() };
}

export function gateDataOf(library: ClaimLibrary): GateData {
  return {
    claims: library.frames.flatMap((f) => f.claims.map((c) => ({ trigger: gateWordsOf(c.triggers), needs: c.needs }))),
    contexts: Object.fromEntries(Object.entries(library.cues.contexts).map(([name, patterns]) => [name, gateWordsOf(patterns)])),
  };
}

const HAN_CHAR = /\p{Script=Han}/u;
const LETTER = /[\p{L}\p{N}\p{M}]/u;

/** A character that continues a word as the matcher reads words (Chinese characters are words of their own). */
function continuesWord(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return LETTER.test(ch) && !HAN_CHAR.test(ch);
}

/**
 * Whether `entry` (lower case; several words joined by single spaces) stands in `text` (lower case)
 * as whole words, in sequence, with anything but letters between them ("a.i.", "arms-race"). A
 * `prefix` entry may go on into a longer word. Native indexOf finds the candidates: this runs cold,
 * once per page, so it leaves the per-character work to the engine.
 */
function stands(text: string, entry: string, prefix: boolean): boolean {
  const words = entry.split(' ');
  const first = words[0];
  for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
    if (continuesWord(text[at - 1])) continue;
    let end = at + first.length;
    let whole = true;
    for (let i = 1; i < words.length && whole; i++) {
      let next = end;
      while (next < text.length && next - end < 4 && !continuesWord(text[next]) && !HAN_CHAR.test(text[next])) next++;
      whole = next > end && text.startsWith(words[i], next);
      end = next + words[i].length;
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
export function mightMatch(gate: GateData, text: string): boolean {
  const lower = text.toLowerCase();
  const seen = new Map<string, boolean>();
  const look = (entry: string, prefix: boolean) => {
    let found = seen.get(entry);
    if (found === undefined) seen.set(entry, (found = stands(lower, entry, prefix)));
    return found;
  };
  const has = (w: GateWords | undefined) =>
    w !== undefined && (w.exact.some((x) => look(x, false)) || w.prefixes.some((p) => look(p, true)) || w.han.some((seq) => lower.includes(seq)));
  const contexts = new Map<string, boolean>();
  const hasContext = (name: string) => {
    let found = contexts.get(name);
    if (found === undefined) contexts.set(name, (found = has(gate.contexts[name])));
    return found;
  };
  return gate.claims.some((c) => c.needs.every(hasContext) && has(c.trigger));
}
