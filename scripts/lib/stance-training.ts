import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CompiledLibrary } from '../../src/match/compile';
import { sentenceMarks } from '../../src/match/match';
import { sentenceFeatures, stableHash } from '../../src/stance/features';
import { JUDGEMENTS, loadModel, type Judgement, type ModelFile, type StanceModel } from '../../src/stance/model';

/** The real labelled sentences live beside the project, never in it (see ../shared/labelled/README.md). */
export const SHARED = resolve(process.env.COUNTERFRAME_SHARED ?? '../shared');
export const REAL_SENTENCES = join(SHARED, 'labelled/real-sentences.jsonl');
export const WRITTEN_SENTENCES = 'tests/fixtures/labelled/written.jsonl';

export interface LabelledSentence {
  text: string;
  label: Judgement;
  lang: string;
  script: string;
  headline: boolean;
  quoted: boolean;
  source: string;
}

export class MissingRealSet extends Error {}

function readJsonl(file: string): LabelledSentence[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const row = JSON.parse(line) as Record<string, unknown>;
      const label = String(row.label).toLowerCase() as Judgement;
      if (!JUDGEMENTS.includes(label) || typeof row.text !== 'string') throw new Error(`${file}:${i + 1}: a row needs a label and a text`);
      return { text: row.text, label, lang: String(row.lang), script: String(row.script ?? (row.lang === 'zh' ? 'hans' : 'latn')), headline: row.headline === true, quoted: row.quoted === true, source: String(row.source) };
    });
}

export function readRealSentences(): LabelledSentence[] {
  if (!existsSync(REAL_SENTENCES)) {
    throw new MissingRealSet(`the real labelled sentences are missing: expected them at ${REAL_SENTENCES} (they sit beside the project, never in it; set COUNTERFRAME_SHARED to where they are)`);
  }
  return readJsonl(REAL_SENTENCES);
}

export function readWrittenSentences(): LabelledSentence[] {
  return readJsonl(WRITTEN_SENTENCES);
}

export const FOLDS = 5;

/**
 * Where a sentence's page falls: the fixed test fold (about a fifth of the pages, never tuned on) or
 * one of FOLDS cross-validation folds. By page, so that one page's sentences never sit on both sides.
 */
export function splitOf(source: string): 'test' | number {
  if (stableHash(`test ${source}`) % 5 === 0) return 'test';
  return stableHash(`fold ${source}`) % FOLDS;
}

export interface TrainingOptions {
  bits: number;
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
  /** Weights smaller than this are dropped from the shipped file. */
  prune: number;
  /** Added to each class's intercept (uses, critiques, none), tuned by cross-validation. */
  offsets: number[];
  /** StanceModel.untriggered, tuned by cross-validation. */
  untriggered: number;
}

export const TRAINING: TrainingOptions = { bits: 18, epochs: 12, rate: 0.05, l2: 1e-5, seed: 23, prune: 0.02, offsets: [0.3, 0.3, 0], untriggered: 0.8 };

export interface Example {
  features: number[];
  label: Judgement;
}

/** A small seeded generator (mulberry32), so that training is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Multinomial logistic regression by stochastic gradient descent with AdaGrad step sizes and L2 decay
 * on the buckets a sentence touches, in a seeded order.
 */
export function fit(examples: Example[], options: TrainingOptions): { bias: Float64Array; weights: Float64Array } {
  const K = JUDGEMENTS.length;
  const weights = new Float64Array((1 << options.bits) * K);
  const squares = new Float64Array(weights.length).fill(1e-8);
  const bias = new Float64Array(K);
  const biasSquares = new Float64Array(K).fill(1e-8);
  const next = random(options.seed);
  const order = examples.map((_, i) => i);
  const logits = new Float64Array(K);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const at of order) {
      const { features, label } = examples[at];
      for (let k = 0; k < K; k++) {
        let sum = bias[k];
        for (const f of features) sum += weights[f * K + k];
        logits[k] = sum;
      }
      const top = Math.max(...logits);
      let total = 0;
      for (let k = 0; k < K; k++) total += (logits[k] = Math.exp(logits[k] - top));
      for (let k = 0; k < K; k++) {
        const gradient = logits[k] / total - (JUDGEMENTS[k] === label ? 1 : 0);
        biasSquares[k] += gradient * gradient;
        bias[k] -= (options.rate * gradient) / Math.sqrt(biasSquares[k]);
        for (const f of features) {
          const w = f * K + k;
          const g = gradient + options.l2 * weights[w];
          squares[w] += g * g;
          weights[w] -= (options.rate * g) / Math.sqrt(squares[w]);
        }
      }
    }
  }
  return { bias, weights };
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** The fitted model in its shipped form: small weights dropped, the rest as signed bytes. */
export function toModelFile(fitted: { bias: Float64Array; weights: Float64Array }, options: TrainingOptions): ModelFile {
  const K = JUDGEMENTS.length;
  let largest = 0;
  for (const w of fitted.weights) largest = Math.max(largest, Math.abs(w));
  const scale = Math.round((largest / 127) * 1e6) / 1e6 || 1;
  const gaps: number[] = [];
  const bytes: number[] = [];
  let last = 0;
  for (let bucket = 0; bucket < 1 << options.bits; bucket++) {
    const row = fitted.weights.subarray(bucket * K, bucket * K + K);
    if (!row.some((w) => Math.abs(w) >= options.prune)) continue;
    let gap = bucket - last;
    last = bucket;
    while (gap >= 0x80) {
      gaps.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    gaps.push(gap);
    for (const w of row) bytes.push(Math.round(w / scale) & 0xff);
  }
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    bits: options.bits,
    scale,
    bias: [...fitted.bias].map((b, k) => round(b + options.offsets[k])),
    buckets: toBase64(Uint8Array.from(gaps)),
    weights: toBase64(Uint8Array.from(bytes)),
    untriggered: options.untriggered,
  };
}

/** The model trained on `sentences`, each read as matchPassages gives it to the model. */
export function trainModel(compiled: CompiledLibrary, sentences: LabelledSentence[], options: TrainingOptions = TRAINING): ModelFile {
  const examples = sentences.map((s) => ({ features: sentenceFeatures(s.text, options, sentenceMarks(compiled, s.text)), label: s.label }));
  return toModelFile(fit(examples, options), options);
}

/**
 * Grouped cross-validation on the real sentences outside the test fold: each fold's sentences judged
 * by `judgeWith` under a model trained on the other folds (and on `extra`, the written sentences).
 */
export function crossValidate<T>(
  compiled: CompiledLibrary,
  sentences: LabelledSentence[],
  judgeWith: (model: StanceModel, s: LabelledSentence) => T,
  options: TrainingOptions = TRAINING,
  extra: LabelledSentence[] = [],
): { sentence: LabelledSentence; judged: T }[] {
  const dev = sentences.filter((s) => splitOf(s.source) !== 'test');
  const results: { sentence: LabelledSentence; judged: T }[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = loadModel(trainModel(compiled, [...dev.filter((s) => splitOf(s.source) !== fold), ...extra], options));
    for (const sentence of dev.filter((s) => splitOf(s.source) === fold)) results.push({ sentence, judged: judgeWith(model, sentence) });
  }
  return results;
}

/** What the shipped model learns from: the real sentences outside the test fold, and ours. */
export function shippedTrainingSet(real: LabelledSentence[], written: LabelledSentence[]): LabelledSentence[] {
  return [...real.filter((s) => splitOf(s.source) !== 'test'), ...written];
}
