import type { ClaimLibrary } from '../claims/types';
import { parsePattern, tellingAlternatives } from './pattern';
import { casedForm, WORD } from './tokens';

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
const PREFIX_KEY = 3;
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

interface LoadedGate {
  words: Set<string>;
  prefixes: Set<string>;
}

const loaded = new WeakMap<GateData, LoadedGate>();

function load(gate: GateData): LoadedGate {
  let ready = loaded.get(gate);
  if (!ready) {
    const all = [...gate.claims.map((c) => c.trigger), ...Object.values(gate.contexts)];
    ready = {
      words: new Set(all.flatMap((w) => w.exact)),
      prefixes: new Set(all.flatMap((w) => w.prefixes.map((p) => p.slice(0, PREFIX_KEY)))),
    };
    loaded.set(gate, ready);
  }
  return ready;
}

/**
 * A cheap, necessary test on a page's text: false only when no claim could match anywhere in it (no
 * claim has both a trigger's telling word and a telling word of each context it needs). It reads
 * words with the matcher's own word pattern and only looks them up: no tokens, no Readability.
 */
export function mightMatch(gate: GateData, text: string): boolean {
  const { words, prefixes } = load(gate);
  const found = new Set<string>();
  let previous = '';
  let beforePrevious = '';
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const word = (raw.includes("'") || raw.includes('’') ? casedForm(raw) : raw).toLowerCase();
    if (words.has(word) || (word.length >= PREFIX_KEY && prefixes.has(word.slice(0, PREFIX_KEY)))) found.add(word);
    const two = `${previous} ${word}`;
    if (words.has(two)) found.add(two);
    const three = `${beforePrevious} ${two}`;
    if (words.has(three)) found.add(three);
    beforePrevious = previous;
    previous = word;
  }
  const hanFound = new Map<string, boolean>();
  const hasHan = (seq: string) => {
    let yes = hanFound.get(seq);
    if (yes === undefined) hanFound.set(seq, (yes = text.includes(seq)));
    return yes;
  };
  const has = (w: GateWords | undefined) => {
    if (!w) return false;
    for (const x of w.exact) if (found.has(x)) return true;
    for (const p of w.prefixes) for (const f of found) if (f.startsWith(p)) return true;
    for (const seq of w.han) if (hasHan(seq)) return true;
    return false;
  };
  return gate.claims.some((c) => has(c.trigger) && c.needs.every((need) => has(gate.contexts[need])));
}
