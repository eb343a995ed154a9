import { sentenceFeatures, type FeatureOptions } from './features';

/** What the model can say of a sentence. "none": it does not use or critique a frame. */
export type Judgement = 'uses' | 'critiques' | 'none';

/**
 * A sentence as the model reads it: its text; the same text with the frame's own words (the
 * triggers) put out of sight, so that its stance is learnt from what surrounds them ("the so-called
 * …", "we must win …") and not from which frame words the labelled pages happened to critique more
 * often; and the marks the claim library's cues leave in it (see match.ts).
 */
export interface SentenceView {
  text: string;
  masked: string;
  marks: string[];
}

/** One logistic regression over hashed features, as shipped: two classes, one weight per bucket kept. */
export interface HeadFile {
  scale: number;
  bias: number;
  /** The kept buckets in ascending order, as base64 of their gaps written as unsigned LEB128. */
  buckets: string;
  /** Base64 of signed bytes, one per kept bucket, times `scale`. */
  weights: string;
}

/**
 * The stance model as shipped (weights.json, written by `npm run train`): one head tells a sentence
 * that frames AI as a contest (uses or critiques) from one that does not, reading the whole text;
 * the other tells uses from critiques, reading the masked text.
 */
export interface ModelFile extends FeatureOptions {
  frame: HeadFile;
  stance: HeadFile;
  /** The probability of "uses" a sentence without a trigger needs to be flagged (see matchPassages). */
  untriggered: number;
  /**
   * The probability of its judgement a sentence needs to be flagged where it names neither AI nor
   * technology itself and the article lends it the topic (see matchPassages).
   */
  lentTopic: number;
}

interface Head {
  scale: number;
  bias: number;
  /** Bucket number → its weight. */
  weights: Map<number, number>;
}

export interface StanceModel {
  options: FeatureOptions;
  frame: Head;
  stance: Head;
  untriggered: number;
  lentTopic: number;
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

function loadHead(file: HeadFile): Head {
  const values = new Int8Array(fromBase64(file.weights).buffer);
  const weights = new Map<number, number>();
  let bucket = 0;
  let gap = 0;
  let shift = 0;
  for (const byte of fromBase64(file.buckets)) {
    gap |= (byte & 0x7f) << shift;
    shift += 7;
    if (byte & 0x80) continue;
    bucket += gap;
    weights.set(bucket, values[weights.size]!);
    gap = 0;
    shift = 0;
  }
  return { scale: file.scale, bias: file.bias, weights };
}

/** Reads the shipped form once into lookup tables. */
export function loadModel(file: ModelFile): StanceModel {
  return { options: { bits: file.bits }, frame: loadHead(file.frame), stance: loadHead(file.stance), untriggered: file.untriggered, lentTopic: file.lentTopic };
}

/** The head's probability for its first class. */
function probability(head: Head, buckets: number[]): number {
  let logit = head.bias;
  for (const bucket of buckets) logit += head.scale * (head.weights.get(bucket) ?? 0);
  return 1 / (1 + Math.exp(-logit));
}

/** The model's judgement of one sentence. */
export function judge(model: StanceModel, view: SentenceView): Verdict {
  const framed = probability(model.frame, sentenceFeatures(view.text, model.options, view.marks));
  const uses = probability(model.stance, sentenceFeatures(view.masked, model.options, view.marks));
  const scores: [Judgement, number][] = [
    ['uses', framed * uses],
    ['critiques', framed * (1 - uses)],
    ['none', 1 - framed],
  ];
  const [judgement, score] = scores.reduce((best, s) => (s[1] > best[1] ? s : best));
  return { judgement, score };
}
