import type { ClaimLibrary } from '../claims/types';
import type { GateData, GateWords } from './scan';
import { parsePattern, tellingAlternatives, type Atom, type Pattern } from '../match/pattern';

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
  if (!telling.every(joinable) || !next.alternatives.every(joinable) || telling.some((atoms) => atoms[atoms.length - 1]!.prefix)) return telling;
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
        add(latin.map((a) => a.word).join(' '), latin[latin.length - 1]!.prefix, cased);
      }
    }
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return {
    exact: sorted(words.exact),
    prefixes: sorted(words.prefixes),
    cased: sorted(words.cased),
    casedPrefixes: sorted(words.casedPrefixes),
    han: sorted(words.han),
  };
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
  return [ch, ...(ch === "'" ? ['’'] : (casesOf.get(ch) ?? []))];
}

/**
 * `entry` as the scan finds it (see `stands`), as the pieces of a pattern on the page's text as it is
 * written: one for each letter, and between words one for what may stand between them.
 */
function entryPieces(entry: string, cased: boolean): string[] {
  const letter = (ch: string) => {
    const all = cased ? [ch] : spellingsOf(ch);
    return all.length === 1 ? escaped(ch) : `[${all.map(escaped).join('')}]`;
  };
  // Between words the scan allows only a few characters other than spaces: a looser pattern only lets more pages on.
  return entry.split(' ').flatMap((word, i) => [...(i > 0 ? ['[^A-Za-z0-9]+'] : []), ...[...word].map(letter)]);
}

/** Entries' pieces as a tree, each shared beginning once; `ends` where an entry ends. */
interface PieceTree {
  ends: boolean;
  next: Map<string, PieceTree>;
}

/**
 * The tree of `entries`. In a tree of prefixes, an entry that goes on from one already there adds
 * nothing (no text holds it but holds the shorter one), and a shorter one cuts the longer off.
 */
function pieceTree(entries: string[][], prefixes: boolean): PieceTree {
  const root: PieceTree = { ends: false, next: new Map() };
  for (const pieces of entries) {
    let node = root;
    for (const piece of pieces) {
      if (prefixes && node.ends) break;
      let next = node.next.get(piece);
      if (!next) node.next.set(piece, (next = { ends: false, next: new Map() }));
      node = next;
    }
    node.ends = true;
    if (prefixes) node.next.clear();
  }
  return root;
}

/**
 * The tree as a pattern, each shared beginning written once ("chips?", "frontier (?:ai|labs?|...)").
 * The gate script compiles it on every page, and V8's time to compile grows with its length.
 */
function treePattern(node: PieceTree): string {
  const branches = [...node.next].map(([piece, child]) => piece + treePattern(child));
  if (!node.ends) return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  if (branches.length === 0) return '';
  // Where an entry ends and one more letter makes another: "chips?".
  const [first] = node.next;
  return branches.length === 1 && first !== undefined && first[1].next.size === 0 ? `${first[0]}?` : `(?:${branches.join('|')})?`;
}

/**
 * For each context, the source of a pattern that finds its words in a page's text as it is written,
 * wherever the scan would find them in the text it cuts and lowers (see first-look.ts). Every word is
 * escaped, and nothing in it can backtrack far.
 */
export function contextPatterns({ contexts }: GateData): Record<string, string> {
  return Object.fromEntries(Object.entries(contexts).map(([name, words]) => [name, wordsPattern(words)]));
}

function wordsPattern(words: GateWords): string {
  const exact = [...words.exact.map((entry) => entryPieces(entry, false)), ...words.cased.map((entry) => entryPieces(entry, true))];
  const prefixes = [...words.prefixes.map((entry) => entryPieces(entry, false)), ...words.casedPrefixes.map((entry) => entryPieces(entry, true))];
  // Every whole word ends where a word may (one test for them all), and a prefix anywhere.
  const latin = [
    ...(exact.length > 0 ? [`${treePattern(pieceTree(exact, false))}(?!${WORD_CHAR})`] : []),
    ...(prefixes.length > 0 ? [treePattern(pieceTree(prefixes, true))] : []),
  ];
  // Chinese words stand anywhere, as in the scan, so one that holds another adds nothing.
  const han = words.han.filter((seq) => !words.han.some((other) => other !== seq && seq.includes(other)));
  // One test of the word's start for all the words (twice as fast in V8 as one for each).
  const alternatives = [...(latin.length > 0 ? [`(?<!${WORD_CHAR})${latin.length > 1 ? `(?:${latin.join('|')})` : latin[0]}`] : []), ...han.map(escaped)];
  // Nothing to look for: no page can pass.
  return alternatives.length > 0 ? alternatives.join('|') : '(?!)';
}

/**
 * Contexts whose words a page must hold for any claim to match: each claim needs one of them. As few
 * as can be, so that fewer pages pass: the context most claims need first, then the one most of the
 * rest need, and so on. Null where a claim needs none: then only the scan can tell.
 */
function mentionsOf(claims: GateData['claims']): string[] | null {
  if (claims.some((c) => c.needs.length === 0)) return null;
  const chosen: string[] = [];
  for (let left = claims.map((c) => c.needs); left.length > 0;) {
    const counts = new Map<string, number>();
    for (const needs of left) for (const name of new Set(needs)) counts.set(name, (counts.get(name) ?? 0) + 1);
    const [best] = [...counts].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a));
    chosen.push(best);
    left = left.filter((needs) => !needs.includes(best));
  }
  return chosen.sort();
}

/**
 * The contexts whose patterns the gate script carries (wxt.config.ts): those the library's claims
 * need. The packs flag script brings the others while packs are installed.
 */
export function gateScriptContexts(gate: GateData): string[] {
  return (gate.mentions ?? []).filter((name) => name in gate.contexts);
}

export function gateDataOf(library: ClaimLibrary): GateData {
  const claims = library.frames.flatMap((f) => f.claims.map((c) => ({ trigger: gateWordsOf([...c.triggers, ...(c.looseTriggers ?? [])]), needs: c.needs })));
  return {
    claims,
    contexts: Object.fromEntries(Object.entries(library.cues.contexts).map(([name, patterns]) => [name, gateWordsOf(patterns)])),
    mentions: mentionsOf(claims),
  };
}
