import { sentenceFeatures, type FeatureOptions } from './features';

/** What the model can say of a sentence. "none": it does not use or critique a frame. */
export type Judgement = 'uses' | 'critiques' | 'none';
export const JUDGEMENTS: readonly Judgement[] = ['uses', 'critiques', 'none'];

/**
 * The stance model as shipped (weights.json, written by `npm run train`): a multinomial logistic
 * regression over hashed features. Only buckets with a weight worth keeping are listed; each weight
 * is a signed byte times `scale`.
 */
export interface ModelFile extends FeatureOptions {
  scale: number;
  /** One per judgement, in JUDGEMENTS order: the intercepts plus the tuned per-class offsets. */
  bias: number[];
  /** The kept buckets in ascending order, as base64 of their gaps written as unsigned LEB128. */
  buckets: string;
  /** Base64 of signed bytes, JUDGEMENTS.length per kept bucket. */
  weights: string;
  /** The probability of "uses" a sentence without a trigger needs to be flagged (see matchPassages). */
  untriggered: number;
}

export interface StanceModel {
  options: FeatureOptions;
  bias: number[];
  scale: number;
  /** Bucket number → where its weights start in `weights`. */
  rows: Map<number, number>;
  weights: Int8Array;
  untriggered: number;
}

export interface Verdict {
  judgement: Judgement;
  /** The model's probability for its judgement. */
  score: number;
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Reads the shipped form once (a few milliseconds) into lookup tables. */
export function loadModel(file: ModelFile): StanceModel {
  const gaps = fromBase64(file.buckets);
  const rows = new Map<number, number>();
  let bucket = 0;
  let value = 0;
  let shift = 0;
  for (const byte of gaps) {
    value |= (byte & 0x7f) << shift;
    shift += 7;
    if (byte & 0x80) continue;
    bucket += value;
    rows.set(bucket, rows.size * JUDGEMENTS.length);
    value = 0;
    shift = 0;
  }
  return { options: { bits: file.bits }, bias: file.bias, scale: file.scale, rows, weights: new Int8Array(fromBase64(file.weights).buffer), untriggered: file.untriggered };
}

/** The model's judgement of one sentence, given the marks the claim library's cues leave in it. */
export function judge(model: StanceModel, text: string, marks: readonly string[] = []): Verdict {
  const logits = [...model.bias];
  for (const bucket of sentenceFeatures(text, model.options, marks)) {
    const row = model.rows.get(bucket);
    if (row === undefined) continue;
    for (let k = 0; k < logits.length; k++) logits[k] += model.scale * model.weights[row + k];
  }
  const best = logits.indexOf(Math.max(...logits));
  const total = logits.reduce((sum, l) => sum + Math.exp(l - logits[best]), 0);
  return { judgement: JUDGEMENTS[best], score: 1 / total };
}
