import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ClaimLibrary } from '../../src/claims/types';
import { compileLibrary, type CompiledLibrary } from '../../src/match/compile';
import { sentenceView } from '../../src/match/match';
import { sentenceFeatures, stableHash } from '../../src/stance/features';
import { labelledRows } from './evaluate';
import { loadModel, type HeadFile, type Judgement, type ModelFile, type StanceModel } from '../../src/stance/model';

/** The real labelled sentences live beside the project, never in it (see ../shared/labelled/README.md). */
export const SHARED = resolve(process.env.COUNTERFRAME_SHARED ?? '../shared');
export const REAL_SENTENCES = join(SHARED, 'labelled/real-sentences.jsonl');
export const WRITTEN_SENTENCES = 'tests/fixtures/labelled/written.jsonl';
export const WEIGHTS_FILE = 'src/stance/weights.json';

export interface LabelledSentence {
  text: string;
  label: Judgement;
  lang: string;
  script: string;
  headline: boolean;
  source: string;
}

export class MissingRealSet extends Error {}

function readJsonl(file: string): LabelledSentence[] {
  return labelledRows(file).map((row) => ({
    text: row.text,
    label: row.label,
    lang: String(row.lang),
    script: typeof row.script === 'string' ? row.script : row.lang === 'zh' ? 'hans' : 'latn',
    headline: row.headline === true,
    source: String(row.source),
  }));
}

export function readRealSentences(): LabelledSentence[] {
  if (!existsSync(REAL_SENTENCES)) {
    throw new MissingRealSet(
      `the real labelled sentences are missing: expected them at ${REAL_SENTENCES} (they sit beside the project, never in it; set COUNTERFRAME_SHARED to where they are)`,
    );
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
  /** Added to each head's intercept, tuned by cross-validation: a higher one flags more. */
  offsets: { frame: number; stance: number };
  /** StanceModel.untriggered, tuned by cross-validation. */
  untriggered: number;
  /**
   * StanceModel.lentTopic. The folds cannot tune it (a sentence alone is its own article): it is set
   * on whole pages, the corpus pages that must get no highlight and the framed fixture pages.
   */
  lentTopic: number;
}

export const TRAINING: TrainingOptions = {
  bits: 18,
  epochs: 12,
  rate: 0.05,
  l2: 1e-5,
  seed: 23,
  prune: 0.05,
  offsets: { frame: 0.3, stance: -0.3 },
  untriggered: 0.8,
  lentTopic: 0.6,
};

export interface Example {
  features: number[];
  positive: boolean;
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
 * Logistic regression by stochastic gradient descent with AdaGrad step sizes and L2 decay on the
 * buckets a sentence touches, in a seeded order.
 */
export function fit(examples: Example[], options: TrainingOptions): { bias: number; weights: Float64Array } {
  const weights = new Float64Array(1 << options.bits);
  const squares = new Float64Array(weights.length).fill(1e-8);
  let bias = 0;
  let biasSquares = 1e-8;
  const next = random(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const at of order) {
      const { features, positive } = examples[at]!;
      let logit = bias;
      for (const f of features) logit += weights[f]!;
      const gradient = 1 / (1 + Math.exp(-logit)) - (positive ? 1 : 0);
      biasSquares += gradient * gradient;
      bias -= (options.rate * gradient) / Math.sqrt(biasSquares);
      for (const f of features) {
        const g = gradient + options.l2 * weights[f]!;
        squares[f]! += g * g;
        weights[f]! -= (options.rate * g) / Math.sqrt(squares[f]!);
      }
    }
  }
  return { bias, weights };
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** A fitted head in its shipped form: small weights dropped, the rest as signed bytes. */
export function toHeadFile(fitted: { bias: number; weights: Float64Array }, options: TrainingOptions, offset: number): HeadFile {
  let largest = 0;
  for (const w of fitted.weights) largest = Math.max(largest, Math.abs(w));
  const scale = Math.round((largest / 127) * 1e6) / 1e6 || 1;
  const gaps: number[] = [];
  const bytes: number[] = [];
  let last = 0;
  fitted.weights.forEach((w, bucket) => {
    if (Math.abs(w) < options.prune) return;
    let gap = bucket - last;
    last = bucket;
    while (gap >= 0x80) {
      gaps.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    gaps.push(gap);
    bytes.push(Math.round(w / scale) & 0xff);
  });
  return { scale, bias: Math.round((fitted.bias + offset) * 1e6) / 1e6, buckets: toBase64(Uint8Array.from(gaps)), weights: toBase64(Uint8Array.from(bytes)) };
}

/** The model trained on `sentences`, each read as matchPassages gives it to the model. */
export function trainModel(compiled: CompiledLibrary, sentences: LabelledSentence[], options: TrainingOptions = TRAINING): ModelFile {
  const read = sentences.map((s) => ({ label: s.label, view: sentenceView(compiled, s.text) }));
  const frame = read.map(({ label, view }) => ({ features: sentenceFeatures(view.text, options, view.marks), positive: label !== 'none' }));
  const stance = read
    .filter(({ label }) => label !== 'none')
    .map(({ label, view }) => ({ features: sentenceFeatures(view.masked, options, view.marks), positive: label === 'uses' }));
  return {
    bits: options.bits,
    frame: toHeadFile(fit(frame, options), options, options.offsets.frame),
    stance: toHeadFile(fit(stance, options), options, options.offsets.stance),
    untriggered: options.untriggered,
    lentTopic: options.lentTopic,
  };
}

/**
 * The real sentences a cross-validation fold's model learns from: those of the other folds' pages, or
 * of a share of those pages (for the learning curve). The share is drawn by page and nested: the
 * pages of a smaller share are among those of a larger one.
 */
export function trainingSentences(sentences: LabelledSentence[], fold: number, share = 1): LabelledSentence[] {
  const kept = (source: string) => share >= 1 || (stableHash(`share ${source}`) % 1000) / 1000 < share;
  return sentences.filter((s) => splitOf(s.source) !== 'test' && splitOf(s.source) !== fold && kept(s.source));
}

/**
 * Grouped cross-validation on the real sentences outside the test fold: each fold's sentences judged
 * by `judgeWith` under a model trained on the other folds, or a share of their pages (see
 * trainingSentences), and on `extra`, the written sentences.
 */
export function crossValidate<T>(
  compiled: CompiledLibrary,
  sentences: LabelledSentence[],
  judgeWith: (model: StanceModel, s: LabelledSentence) => T,
  options: TrainingOptions = TRAINING,
  extra: LabelledSentence[] = [],
  share = 1,
): { sentence: LabelledSentence; judged: T }[] {
  const dev = sentences.filter((s) => splitOf(s.source) !== 'test');
  const results: { sentence: LabelledSentence; judged: T }[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = loadModel(trainModel(compiled, [...trainingSentences(dev, fold, share), ...extra], options));
    for (const sentence of dev.filter((s) => splitOf(s.source) === fold)) results.push({ sentence, judged: judgeWith(model, sentence) });
  }
  return results;
}

/** The claim library's example sentences (ours), each with the label it must get. */
export function claimExamples(library: ClaimLibrary): LabelledSentence[] {
  const labelled = (text: string, label: Judgement): LabelledSentence => {
    const script = /\p{Script=Han}/u.test(text) ? 'hans' : 'latn';
    return { text, label, lang: script === 'latn' ? 'en' : 'zh', script, headline: false, source: 'claim examples' };
  };
  return library.frames.flatMap((frame) =>
    frame.claims.flatMap(({ examples }) => [
      ...examples.uses.map((text) => labelled(text, 'uses')),
      ...examples.critiques.map((text) => labelled(text, 'critiques')),
      ...examples.none.map((text) => labelled(text, 'none')),
    ]),
  );
}

/**
 * What the shipped model learns from: the real sentences outside the test fold, and ours (the
 * written set and the claim library's examples, which the lint holds the matcher to).
 */
export function shippedTrainingSet(real: LabelledSentence[], written: LabelledSentence[], library: ClaimLibrary): LabelledSentence[] {
  return [...real.filter((s) => splitOf(s.source) !== 'test'), ...written, ...claimExamples(library)];
}

/** weights.json as `npm run train` writes it: the shipped model trained on the shipped set. */
export function shippedWeights(library: ClaimLibrary): string {
  const sentences = shippedTrainingSet(readRealSentences(), readWrittenSentences(), library);
  return `${JSON.stringify(trainModel(compileLibrary(library), sentences))}\n`;
}
