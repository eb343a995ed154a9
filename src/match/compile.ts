import type { ClaimLibrary, Claim, Counterpoint, Frame } from '../claims/types';
import { leadingAtoms, parsePattern } from './pattern';
import { PatternIndex } from './pattern-index';
import { isHan } from './tokens';

interface GateWords {
  exact: Set<string>;
  prefixes: Set<string>;
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
  /** For the page gate: the words a claim's trigger can start with, and each context's words. */
  gate: { triggerWords: GateWords[]; contextWords: Map<string, GateWords>; pattern: RegExp };
}

/** The words a text must hold for one of these patterns to match there: each first word. */
function leadingWordsOf(sources: string[]): GateWords {
  const words: GateWords = { exact: new Set(), prefixes: new Set() };
  for (const source of sources) {
    for (const atom of leadingAtoms(parsePattern(source))) {
      (atom.prefix ? words.prefixes : words.exact).add(atom.word.toLowerCase());
    }
  }
  return words;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One regular expression that finds every whole word of a page that some pattern could start with.
 * Han characters stand alone (Chinese has no spaces); prefix words take the rest of their word, so a
 * word is never cut short of an exact word that starts at the same place.
 */
function gatePattern(all: GateWords[]): RegExp {
  const han = new Set<string>();
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const words of all) {
    for (const w of words.exact) (isHan(w) ? han : exact).add(w);
    for (const w of words.prefixes) prefixes.add(w);
  }
  // Apostrophes are compared straight, as the tokenizer makes them; pages write them curly too.
  const list = (set: Set<string>) =>
    [...set].sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w).replace(/'/g, "['’]")).join('|');
  const groups = [
    han.size ? `[${[...han].join('')}]` : '',
    exact.size ? `(?<![\\p{L}\\p{N}])(?:${list(exact)})(?![\\p{L}\\p{N}])` : '',
    prefixes.size ? `(?<![\\p{L}\\p{N}])(?:${list(prefixes)})[\\p{L}\\p{N}]*` : '',
  ].filter(Boolean);
  return new RegExp(groups.join('|') || '(?!)', 'giu');
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

  const triggerWords = claims.map(({ claim }) => leadingWordsOf(claim.triggers));
  const contextWords = new Map(Object.entries(library.cues.contexts).map(([name, p]) => [name, leadingWordsOf(p)]));
  return {
    library,
    claims,
    index,
    counterpoints: new Map(library.counterpoints.map((c) => [c.id, c])),
    gate: { triggerWords, contextWords, pattern: gatePattern([...triggerWords, ...contextWords.values()]) },
  };
}

/**
 * A cheap, necessary test on a page's raw text: false only when no claim could match anywhere in it
 * (no claim has both a trigger's first word and a first word of each context it needs). One regular
 * expression pass, no tokenizing, no Readability.
 */
export function mightMatch(compiled: CompiledLibrary, text: string): boolean {
  const found = new Set<string>();
  for (const m of text.matchAll(compiled.gate.pattern)) found.add(m[0].toLowerCase());
  if (found.size === 0) return false;
  const has = (words: GateWords | undefined) => {
    if (!words) return false;
    for (const w of words.exact) if (found.has(w)) return true;
    for (const p of words.prefixes) for (const f of found) if (f.startsWith(p)) return true;
    return false;
  };
  return compiled.claims.some(
    ({ claim }, i) =>
      has(compiled.gate.triggerWords[i]) &&
      claim.needs.every((need) => has(compiled.gate.contextWords.get(need))),
  );
}
