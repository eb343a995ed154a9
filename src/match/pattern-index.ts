import { matchAt, parsePattern, type Pattern } from './pattern';
import type { Token } from './tokens';

export interface Hit<T> {
  payload: T;
  /** Token range [start, end). */
  start: number;
  end: number;
}

interface Entry<T> {
  pattern: Pattern;
  payload: T;
}

/**
 * Every pattern of the library in one index, so a text is read once and each word costs a couple of
 * lookups however large the library grows. A pattern is filed under its first two words where both
 * are fixed ("AI race", "军 备"), so patterns that share a common first word ("AI …", "China …") do not
 * all wake up at every occurrence of it; under its first word alone otherwise; under its prefix for
 * "outcompet*".
 */
export class PatternIndex<T> {
  private readonly single = new Map<string, Entry<T>[]>();
  private readonly pairs = new Map<string, Entry<T>[]>();
  /** Keyed by the whole prefix ("outcompet" for outcompet*), so a bucket holds only true candidates. */
  private readonly prefixed = new Map<string, Entry<T>[]>();
  /** The lengths of those prefixes: a word is looked up once per length, not once per pattern. */
  private prefixLengths: number[] = [];

  private file(map: Map<string, Entry<T>[]>, key: string, entry: Entry<T>): void {
    const bucket = map.get(key);
    // An entry is listed once per bucket even when two of its alternatives lead to the same key.
    if (bucket?.some((e) => e.pattern === entry.pattern)) return;
    if (bucket) bucket.push(entry);
    else map.set(key, [entry]);
  }

  add(source: string, payload: T): void {
    const pattern = parsePattern(source);
    const entry = { pattern, payload };
    const [first, next] = pattern.steps;
    if (first?.kind !== 'words') return;
    // The words that can follow a one-word alternative: the next step's first words, if that step is fixed.
    // (parsePattern never makes an empty alternative: each has a first word.)
    const following =
      next?.kind === 'words' && !next.optional && next.alternatives.every((atoms) => !atoms[0]!.prefix)
        ? next.alternatives.map((atoms) => atoms[0]!.word.toLowerCase())
        : null;
    for (const atoms of first.alternatives) {
      const [lead, then] = atoms;
      const head = lead!.word.toLowerCase();
      if (lead!.prefix) {
        if (!this.prefixLengths.includes(head.length)) this.prefixLengths = [...this.prefixLengths, head.length].sort((a, b) => a - b);
        this.file(this.prefixed, head, entry);
      } else if (then !== undefined && !then.prefix) {
        this.file(this.pairs, `${head} ${then.word.toLowerCase()}`, entry);
      } else if (atoms.length === 1 && following) {
        for (const second of following) this.file(this.pairs, `${head} ${second}`, entry);
      } else {
        this.file(this.single, head, entry);
      }
    }
  }

  /** All matches that start in tokens[from, limit) and end by `limit`. */
  scan(tokens: Token[], from = 0, limit = tokens.length): Hit<T>[] {
    const hits: Hit<T>[] = [];
    const tryBucket = (bucket: Entry<T>[] | undefined, at: number) => {
      if (!bucket) return;
      for (const entry of bucket) {
        const end = matchAt(entry.pattern, tokens, at, limit);
        if (end > at) hits.push({ payload: entry.payload, start: at, end });
      }
    };
    // limit is at most tokens.length.
    for (let i = from; i < limit; i++) {
      const word = tokens[i]!.norm;
      tryBucket(this.single.get(word), i);
      if (i + 1 < limit) tryBucket(this.pairs.get(`${word} ${tokens[i + 1]!.norm}`), i);
      for (const length of this.prefixLengths) {
        if (length > word.length) break;
        tryBucket(this.prefixed.get(word.slice(0, length)), i);
      }
    }
    return hits;
  }
}
