import { normaliseText } from './normalise';

/**
 * What the stance model reads of a sentence: hashed word 1–2-grams (Latin script), character 1–2-grams
 * of each run of Han characters, and the marks the claim library's cues leave in it (see marks in
 * match.ts). Each feature is a bucket number; a sentence is the set of its buckets.
 */

export interface FeatureOptions {
  /** log2 of the number of buckets. */
  bits: number;
}

// A word, or the bar that stands for a run of Han characters (no word pair spans one).
const LATIN_WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*|\|/gu;
const HAN_RUN = /\p{Script=Han}+/gu;
const CURLY = /[’‘]/g;

/** FNV-1a over UTF-16 units: stable across runs and machines, which the shipped weights rely on. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The names of the sentence's features, before hashing; `marks` are added as they are. */
export function featureNames(text: string, marks: readonly string[] = []): string[] {
  const plain = normaliseText(text).toLowerCase().replace(CURLY, "'");
  const names: string[] = [];
  const latin = plain.replace(HAN_RUN, ' | ');
  const words = ['<s>', ...(latin.match(LATIN_WORD) ?? []), '</s>'];
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== '|' && i > 0 && i < words.length - 1) names.push(`w:${words[i]}`);
    if (i > 0 && words[i] !== '|' && words[i - 1] !== '|') names.push(`b:${words[i - 1]} ${words[i]}`);
  }
  for (const run of plain.match(HAN_RUN) ?? []) {
    for (let i = 0; i < run.length; i++) {
      names.push(`c:${run[i]}`);
      if (i + 1 < run.length) names.push(`cc:${run.slice(i, i + 2)}`);
    }
  }
  for (const mark of marks) names.push(`m:${mark}`);
  return names;
}

/** The sentence's buckets, each once, in ascending order. */
export function sentenceFeatures(text: string, options: FeatureOptions, marks: readonly string[] = []): number[] {
  const mask = (1 << options.bits) - 1;
  return [...new Set(featureNames(text, marks).map((name) => stableHash(name) & mask))].sort((a, b) => a - b);
}
