import { tokenize, type Token } from './tokens';

/**
 * The pattern language of the claim library: small enough to read, and safe to run on any text, since
 * a pattern is matched word by word with a bounded set of positions and never backtracks.
 *
 *   arms race                 words in sequence ("arms-race" and "Arms Race" match too)
 *   win|winning the race      alternatives for one word
 *   get_to|reach AGI          "_" joins words into one alternative ("get to" or "reach")
 *   the? race                 "?" makes a word optional
 *   compet*                   "*" matches any word starting so (at least 3 letters before it)
 *   lose ~3 China             up to 3 other words in between (in Chinese, characters)
 *   US|U.S.                   an alternative with a capital letter matches case-sensitively
 *   军备竞赛                  Chinese: each character is a word, so it is written as it is read
 */

export interface Atom {
  word: string;
  prefix: boolean;
  cased: boolean;
}

export type Step = { kind: 'words'; alternatives: Atom[][]; optional: boolean } | { kind: 'gap'; max: number };

export interface Pattern {
  source: string;
  steps: Step[];
}

export class PatternError extends Error {}

export const PATTERN_LIMITS = { length: 300, steps: 12, alternatives: 24, gap: 12 } as const;

function parseAtoms(alternative: string, source: string): Atom[] {
  const prefix = alternative.endsWith('*');
  const body = (prefix ? alternative.slice(0, -1) : alternative).replace(/_/g, ' ');
  const tokens = tokenize(body);
  if (tokens.length === 0) throw new PatternError(`"${source}": "${alternative}" has no word in it`);
  const unknown = body.replace(/[\p{L}\p{N}\p{M}'’. -]/gu, '');
  if (unknown) {
    throw new PatternError(`"${source}": "${alternative}" has characters the pattern language does not know: ${unknown}`);
  }
  if (prefix && tokens[tokens.length - 1]!.norm.length < 3) {
    throw new PatternError(`"${source}": "${alternative}" needs at least 3 letters before "*"`);
  }
  return tokens.map((t, i) => {
    const cased = t.cased !== t.norm;
    return { word: cased ? t.cased : t.norm, prefix: prefix && i === tokens.length - 1, cased };
  });
}

/** Parses one pattern, or throws a PatternError that says what is wrong with it. */
export function parsePattern(source: string): Pattern {
  if (typeof source !== 'string' || source.trim() === '') throw new PatternError('a pattern is empty');
  if (source.length > PATTERN_LIMITS.length) {
    throw new PatternError(`"${source.slice(0, 40)}…" is longer than ${PATTERN_LIMITS.length} characters`);
  }
  const steps: Step[] = source
    .trim()
    .split(/\s+/)
    .map((part): Step => {
      const gap = /^~(\d+)$/.exec(part);
      if (gap) {
        const max = Number(gap[1]);
        if (max < 1 || max > PATTERN_LIMITS.gap) {
          throw new PatternError(`"${source}": a gap is ~1 to ~${PATTERN_LIMITS.gap}, not ${part}`);
        }
        return { kind: 'gap', max };
      }
      const optional = part.endsWith('?') && part.length > 1;
      const body = optional ? part.slice(0, -1) : part;
      const alternatives = body.split('|');
      if (alternatives.some((a) => a === '')) throw new PatternError(`"${source}": "${part}" has an empty alternative`);
      if (alternatives.length > PATTERN_LIMITS.alternatives) {
        throw new PatternError(`"${source}": "${part}" has more than ${PATTERN_LIMITS.alternatives} alternatives`);
      }
      return { kind: 'words', alternatives: alternatives.map((a) => parseAtoms(a, source)), optional };
    });
  if (steps.length > PATTERN_LIMITS.steps) throw new PatternError(`"${source}" has more than ${PATTERN_LIMITS.steps} words`);
  const first = steps[0];
  if (first?.kind !== 'words' || first.optional) throw new PatternError(`"${source}" must start with a required word`);
  const last = steps[steps.length - 1];
  if (last?.kind !== 'words' || last.optional) throw new PatternError(`"${source}" must end with a required word`);
  return { source, steps };
}

function atomMatches(atom: Atom, token: Token): boolean {
  const text = atom.cased ? token.cased : token.norm;
  return atom.prefix ? text.startsWith(atom.word) : text === atom.word;
}

function sequenceMatches(atoms: Atom[], tokens: Token[], at: number, limit: number): boolean {
  if (at + atoms.length > limit) return false;
  // limit is at most tokens.length, so every token read here exists.
  for (let i = 0; i < atoms.length; i++) if (!atomMatches(atoms[i]!, tokens[at + i]!)) return false;
  return true;
}

/**
 * Matches `pattern` at `tokens[at]`, not reading past `limit`. Returns the end (exclusive) of the
 * longest match, or -1. The work is bounded by steps × positions × alternatives: no backtracking.
 */
export function matchAt(pattern: Pattern, tokens: Token[], at: number, limit = tokens.length): number {
  let positions = [at];
  for (const step of pattern.steps) {
    const next = new Set<number>();
    for (const pos of positions) {
      if (step.kind === 'gap') {
        for (let k = 0; k <= step.max && pos + k <= limit; k++) next.add(pos + k);
        continue;
      }
      if (step.optional) next.add(pos);
      for (const atoms of step.alternatives) {
        if (sequenceMatches(atoms, tokens, pos, limit)) next.add(pos + atoms.length);
      }
    }
    if (next.size === 0) return -1;
    positions = [...next];
  }
  return Math.max(...positions);
}

// Words too common to tell a page apart: a step made of them says nothing about whether a pattern can match.
const UNSELECTIVE = new Set(['the', 'and', 'for', 'not', 'are', 'was', 'its', 'our', 'who', 'has', 'can', 'but', 'with', 'this', 'that', 'from']);

function isSelective(atoms: Atom[]): boolean {
  if (atoms.length > 1) return true;
  // parseAtoms never makes an empty alternative.
  const word = atoms[0]!.word.toLowerCase();
  return word.length >= 3 && !UNSELECTIVE.has(word);
}

/**
 * The alternatives of the step a page's text is best tested for: the first required step whose
 * every alternative is a telling word (or several words), else the first step. A text without any of
 * them cannot match the pattern.
 */
export function tellingAlternatives(pattern: Pattern): Atom[][] {
  const required = pattern.steps.filter((s): s is Extract<Step, { kind: 'words' }> => s.kind === 'words' && !s.optional);
  // parsePattern makes every pattern start with a required step.
  const telling = required.find((s) => s.alternatives.every(isSelective)) ?? required[0]!;
  return telling.alternatives;
}
