import { leadingAtoms, matchAt, parsePattern, type Pattern } from './pattern';
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
 * Every pattern of the library in one index keyed by its first word, so a text is read once and
 * each word costs one lookup however large the library grows.
 */
export class PatternIndex<T> {
  private readonly exact = new Map<string, Entry<T>[]>();
  /** Keyed by the whole prefix ("outcompet" for outcompet*), so a bucket holds only true candidates. */
  private readonly prefixed = new Map<string, Entry<T>[]>();
  /** The lengths of those prefixes: a word is looked up once per length, not once per pattern. */
  private prefixLengths: number[] = [];
  /** First words of every pattern, for the cheap "could anything match here?" test. */
  readonly leadingWords = new Set<string>();

  add(source: string, payload: T): void {
    const pattern = parsePattern(source);
    for (const atom of leadingAtoms(pattern)) {
      const key = atom.word.toLowerCase();
      const map = atom.prefix ? this.prefixed : this.exact;
      if (atom.prefix && !this.prefixLengths.includes(key.length)) this.prefixLengths = [...this.prefixLengths, key.length].sort((a, b) => a - b);
      const bucket = map.get(key);
      // An entry is listed once per bucket even when two of its alternatives share it.
      if (bucket?.some((e) => e.pattern === pattern)) continue;
      if (bucket) bucket.push({ pattern, payload });
      else map.set(key, [{ pattern, payload }]);
      this.leadingWords.add(key);
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
    for (let i = from; i < limit; i++) {
      const word = tokens[i].norm;
      tryBucket(this.exact.get(word), i);
      for (const length of this.prefixLengths) {
        if (length > word.length) break;
        tryBucket(this.prefixed.get(word.slice(0, length)), i);
      }
    }
    return hits;
  }
}
