import type { ClaimLibrary } from '../claims/types';
import type { GateData, GateWords } from './gate-scan';
import { parsePattern, tellingAlternatives, type Atom, type Pattern } from './pattern';

const HAN = /^\p{Script=Han}+$/u;
/** Word sequences up to this long are tracked as sequences by the gate's scan. */
const MAX_SEQUENCE = 3;

/** The gate's scan tests at most this many word sequences for one step and the step after it. */
const MAX_PAIRS = 12;

/**
 * The telling step's alternatives, each joined to each alternative of the required step right after
 * it where there is one: "machine|deep learning" is tested as "machine learning" and "deep learning",
 * since "machine" and "deep" alone are on many a page that is not about AI.
 */
function gateAlternatives(pattern: Pattern): Atom[][] {
  const telling = tellingAlternatives(pattern);
  const at = pattern.steps.findIndex((s) => s.kind === 'words' && s.alternatives === telling);
  const next = pattern.steps[at + 1];
  const joinable = (atoms: Atom[]) => !atoms.some((a) => HAN.test(a.word));
  if (!next || next.kind !== 'words' || next.optional || telling.length * next.alternatives.length > MAX_PAIRS) return telling;
  // A word that may go on ("compet*") can only end a sequence.
  if (!telling.every(joinable) || !next.alternatives.every(joinable) || telling.some((atoms) => atoms[atoms.length - 1].prefix)) return telling;
  return telling.flatMap((atoms) => next.alternatives.map((more) => [...atoms, ...more]));
}

/**
 * What a page's text must hold for one of these patterns to match in it. For each pattern, its
 * telling step; for each alternative of that step, one word it cannot match without: its longest
 * word, or the whole alternative where it is Chinese (tested as a plain substring: no spaces there).
 */
function gateWordsOf(sources: string[]): GateWords {
  const words = { exact: new Set<string>(), prefixes: new Set<string>(), cased: new Set<string>(), casedPrefixes: new Set<string>(), han: new Set<string>() };
  const add = (word: string, prefix: boolean, cased: boolean) =>
    (cased ? (prefix ? words.casedPrefixes : words.cased) : prefix ? words.prefixes : words.exact).add(cased ? word : word.toLowerCase());
  for (const source of sources) {
    for (const atoms of gateAlternatives(parsePattern(source))) {
      const joined = atoms.map((a) => a.word).join('');
      if (HAN.test(joined)) {
        words.han.add(joined);
        continue;
      }
      const latin = atoms.filter((a) => !HAN.test(a.word));
      if (latin.length === 1 || latin.length > MAX_SEQUENCE) {
        // One word, or a sequence too long to track: its longest word must be there.
        const longest = latin.reduce((best, a) => (a.word.length > best.word.length ? a : best));
        add(longest.word, longest.prefix, longest.cased);
      } else {
        // "A.I." must be tested as "A I": "a" alone is on every page. Where only some words are
        // written with a capital ("AI chips"), the sequence is tested in lower case.
        const cased = latin.every((a) => a.cased);
        add(latin.map((a) => a.word).join(' '), latin[latin.length - 1].prefix, cased);
      }
    }
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return { exact: sorted(words.exact), prefixes: sorted(words.prefixes), cased: sorted(words.cased), casedPrefixes: sorted(words.casedPrefixes), han: sorted(words.han) };
}

const WORD_CHAR = '[A-Za-z0-9]';
const escaped = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

let casesOf: Map<string, string[]> | undefined;
/**
 * The characters a page may write for `ch` (lower case) where the scan lowers the page's text: "a"
 * and "A", "k" and the Kelvin sign. Built once, from the engine's own lowering.
 */
function spellingsOf(ch: string): string[] {
  if (!casesOf) {
    casesOf = new Map();
    for (let code = 0; code < 0x10000; code++) {
      const written = String.fromCharCode(code);
      const lower = written.toLowerCase();
      if (lower !== written && lower.length === 1) casesOf.set(lower, [...(casesOf.get(lower) ?? []), written]);
    }
  }
  // A straight apostrophe stands for a curly one too: the scan straightens them.
  return [ch, ...(ch === "'" ? ['’'] : casesOf.get(ch) ?? [])];
}

/** `entry` as the scan finds it (see `stands`), as a pattern on the page's text as it is written. */
function entryPattern(entry: string, prefix: boolean, cased: boolean): string {
  const letter = (ch: string) => {
    const all = cased ? [ch] : spellingsOf(ch);
    return all.length === 1 ? escaped(ch) : `[${all.map(escaped).join('')}]`;
  };
  // Between words the scan allows only a few characters other than spaces: a looser pattern only lets more pages on.
  const words = entry.split(' ').map((word) => [...word].map(letter).join(''));
  return `${words.join(`[^A-Za-z0-9]+`)}${prefix ? '' : `(?!${WORD_CHAR})`}`;
}

/**
 * The source of GateData.mentions for `gate`: for each claim, the words of the first context it needs
 * (its trigger's words if it needs none), all in one alternation. A claim cannot pass the scan
 * without one of them. Every word is escaped, and nothing in it can backtrack far.
 */
export function mentionsPattern({ claims, contexts }: GateData): string {
  const latin = new Set<string>();
  const han = new Set<string>();
  for (const claim of claims) {
    const words = claim.needs.length > 0 ? contexts[claim.needs[0]] : claim.trigger;
    // A context the library does not define: the claim can never pass.
    if (!words) continue;
    for (const entry of words.exact) latin.add(entryPattern(entry, false, false));
    for (const entry of words.prefixes) latin.add(entryPattern(entry, true, false));
    for (const entry of words.cased) latin.add(entryPattern(entry, false, true));
    for (const entry of words.casedPrefixes) latin.add(entryPattern(entry, true, true));
    for (const entry of words.han) han.add(escaped(entry));
  }
  // One test of the word's start for all the words (twice as fast in V8 as one for each); Chinese
  // words stand anywhere, as in the scan.
  const alternatives = [...(latin.size > 0 ? [`(?<!${WORD_CHAR})(?:${[...latin].join('|')})`] : []), ...han];
  // Nothing to look for: no page can pass.
  return alternatives.length > 0 ? alternatives.join('|') : '(?!)';
}

export function gateDataOf(library: ClaimLibrary): GateData {
  return {
    claims: library.frames.flatMap((f) => f.claims.map((c) => ({ trigger: gateWordsOf(c.triggers), needs: c.needs }))),
    contexts: Object.fromEntries(Object.entries(library.cues.contexts).map(([name, patterns]) => [name, gateWordsOf(patterns)])),
  };
}
