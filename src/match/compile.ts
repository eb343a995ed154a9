import type { ClaimLibrary, Claim, Counterpoint, Frame } from '../claims/types';
import { parsePattern, tellingAlternatives } from './pattern';
import { PatternIndex } from './pattern-index';
import { casedForm, WORD } from './tokens';

interface GateWords {
  exact: Set<string>;
  prefixes: Set<string>;
  han: Set<string>;
}

export type Cue =
  | { kind: 'trigger'; claim: number }
  | { kind: 'context'; name: string }
  | { kind: 'critique' }
  | { kind: 'other-sense' };

export interface CompiledClaim {
  frame: Frame;
  claim: Claim;
}

export interface CompiledLibrary {
  library: ClaimLibrary;
  claims: CompiledClaim[];
  index: PatternIndex<Cue>;
  counterpoints: Map<string, Counterpoint>;
  /** For the page gate: the telling words of each claim's triggers, and of each context. */
  gate: { triggerWords: GateWords[]; contextWords: Map<string, GateWords>; words: Set<string>; prefixes: Set<string> };
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
  const words: GateWords = { exact: new Set(), prefixes: new Set(), han: new Set() };
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
  return words;
}

/** Compiles the library once into one index of every pattern it holds. */
export function compileLibrary(library: ClaimLibrary): CompiledLibrary {
  const index = new PatternIndex<Cue>();
  const claims: CompiledClaim[] = [];
  for (const frame of library.frames) {
    for (const claim of frame.claims) {
      const at = claims.push({ frame, claim }) - 1;
      for (const trigger of claim.triggers) index.add(trigger, { kind: 'trigger', claim: at });
    }
  }
  for (const [name, patterns] of Object.entries(library.cues.contexts)) {
    for (const source of patterns) index.add(source, { kind: 'context', name });
  }
  for (const source of library.cues.critique) index.add(source, { kind: 'critique' });
  for (const source of library.cues.otherSenses) index.add(source, { kind: 'other-sense' });

  const triggerWords = claims.map(({ claim }) => gateWordsOf(claim.triggers));
  const contextWords = new Map(Object.entries(library.cues.contexts).map(([name, p]) => [name, gateWordsOf(p)]));
  return {
    library,
    claims,
    index,
    counterpoints: new Map(library.counterpoints.map((c) => [c.id, c])),
    gate: gateOf(triggerWords, contextWords),
  };
}

function gateOf(triggerWords: GateWords[], contextWords: Map<string, GateWords>): CompiledLibrary['gate'] {
  const all = [...triggerWords, ...contextWords.values()];
  return {
    triggerWords,
    contextWords,
    words: new Set(all.flatMap((w) => [...w.exact])),
    prefixes: new Set(all.flatMap((w) => [...w.prefixes].map((p) => p.slice(0, PREFIX_KEY)))),
  };
}

/**
 * A cheap, necessary test on a page's visible text: false only when no claim could match anywhere in
 * it (no claim has both a trigger's telling word and a telling word of each context it needs). It
 * reads words with the matcher's own word pattern and only looks them up: no tokens, no Readability.
 */
export function mightMatch(compiled: CompiledLibrary, text: string): boolean {
  const { gate } = compiled;
  const found = new Set<string>();
  let previous = '';
  let beforePrevious = '';
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const word = (raw.includes("'") || raw.includes('’') ? casedForm(raw) : raw).toLowerCase();
    if (gate.words.has(word) || (word.length >= PREFIX_KEY && gate.prefixes.has(word.slice(0, PREFIX_KEY)))) found.add(word);
    const two = `${previous} ${word}`;
    if (gate.words.has(two)) found.add(two);
    const three = `${beforePrevious} ${two}`;
    if (gate.words.has(three)) found.add(three);
    beforePrevious = previous;
    previous = word;
  }
  const hanFound = new Map<string, boolean>();
  const hasHan = (seq: string) => {
    let yes = hanFound.get(seq);
    if (yes === undefined) hanFound.set(seq, (yes = text.includes(seq)));
    return yes;
  };
  const has = (words: GateWords | undefined) => {
    if (!words) return false;
    for (const w of words.exact) if (found.has(w)) return true;
    for (const p of words.prefixes) for (const f of found) if (f.startsWith(p)) return true;
    for (const seq of words.han) if (hasHan(seq)) return true;
    return false;
  };
  return compiled.claims.some(
    ({ claim }, i) => has(gate.triggerWords[i]) && claim.needs.every((need) => has(gate.contextWords.get(need))),
  );
}
