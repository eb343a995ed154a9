import type { PagePlace } from '../anchor/place';
import type { Stance } from '../claims/types';
import { splitSentences, type Span } from '../text/sentences';
import type { CompiledLibrary, Cue } from './compile';
import type { Hit } from './pattern-index';
import { normaliseText } from '../stance/normalise';
import { bundledStanceModel } from '../stance/bundled';
import { judge, type SentenceView, type StanceModel } from '../stance/model';
import { quotedSpans } from './quotes';
import { tokenize, type Token } from './tokens';

/** A paragraph (or a heading, a list item) of the article, and where it starts in the article's text. */
export interface Passage {
  text: string;
  start: number;
  /** Where its block stands on the page, when the article was read from one (see place.ts). */
  place?: PagePlace;
}

/** One place where the article uses or critiques a frame. Offsets are in the article's text. */
export interface Match {
  frameId: string;
  claimId: string;
  stance: Stance;
  /** The words that triggered the claim, exactly as written. */
  quote: string;
  /** The sentence they stand in. */
  sentence: string;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
  /** The stance model's probability for `stance` (matches made by hand, as in tests, may leave it out). */
  score?: number;
  /** The passage's place on the page, which anchoring reads first. */
  place?: PagePlace;
}

interface SentenceReading {
  span: Span;
  tokens: Token[];
  hits: Hit<Cue>[];
  contexts: Set<string>;
}

// A trigger inside quotation marks this short is held at a distance ("the so-called “AI race”"),
// not spoken: a quoted advocate's whole sentence is longer than the trigger plus an article.
const SCARE_QUOTE_SLACK = 1;

// Hits and token ranges come from the scan of these tokens: every index in them stands in the sentence.
function readSentence(compiled: CompiledLibrary, passage: Passage, span: Span): SentenceReading {
  // Normalised text has the same length, so the tokens' offsets stand in the text as written.
  const tokens = tokenize(normaliseText(passage.text.slice(span.start, span.end)), span.start);
  const hits = compiled.index.scan(tokens);
  const contexts = new Set<string>();
  for (const hit of hits) if (hit.payload.kind === 'context') contexts.add(hit.payload.name);
  return { span, tokens, hits, contexts };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function isScareQuoted(reading: SentenceReading, text: string, hit: Hit<Cue>): boolean {
  const start = reading.tokens[hit.start]!.start;
  const end = reading.tokens[hit.end - 1]!.end;
  const local = text.slice(reading.span.start, reading.span.end);
  return quotedSpans(local).some((q) => {
    const qStart = q.start + reading.span.start;
    const qEnd = q.end + reading.span.start;
    if (start < qStart || end > qEnd) return false;
    const words = reading.tokens.filter((t) => t.start >= qStart && t.end <= qEnd).length;
    return words <= hit.end - hit.start + SCARE_QUOTE_SLACK;
  });
}

/**
 * What the library's cues say of a sentence, as marks the stance model reads beside its words: the
 * frames its triggers belong to, whether a critique cue, another sense of the words or a scare quote
 * is there, and which contexts it names itself.
 */
function marksOf(compiled: CompiledLibrary, reading: SentenceReading, text: string): string[] {
  const marks = new Set<string>();
  for (const hit of reading.hits) {
    const cue = hit.payload;
    if (cue.kind === 'trigger') {
      marks.add(`frame ${compiled.claims[cue.claim]!.frame.id}`);
      if (isScareQuoted(reading, text, hit)) marks.add('scare-quote');
    } else if (cue.kind === 'context') marks.add(`context ${cue.name}`);
    else marks.add(cue.kind);
  }
  return [...marks].sort();
}

// What stands for the frame's own words in SentenceView.masked: a word no text holds.
const MASK = ' xframex ';

/** The sentence as the stance model reads it (see SentenceView). */
function viewOf(compiled: CompiledLibrary, reading: SentenceReading, text: string): SentenceView {
  const triggers = reading.hits.filter((h) => h.payload.kind === 'trigger').sort((a, b) => a.start - b.start);
  let masked = '';
  let at = reading.span.start;
  for (const hit of triggers) {
    const start = reading.tokens[hit.start]!.start;
    if (start < at) continue;
    masked += text.slice(at, start) + MASK;
    at = reading.tokens[hit.end - 1]!.end;
  }
  masked += text.slice(at, reading.span.end);
  return { text: text.slice(reading.span.start, reading.span.end), masked, marks: marksOf(compiled, reading, text) };
}

/** A sentence on its own as matchPassages gives it to the model (for training). */
export function sentenceView(compiled: CompiledLibrary, sentence: string): SentenceView {
  return viewOf(compiled, readSentence(compiled, { text: sentence, start: 0 }, { start: 0, end: sentence.length }), sentence);
}

/**
 * The context that is the frame's topic (AI), and the wider one that stands for it in a sentence of
 * its own: the label rules read "AI / technology development" as a race, but a page is read only
 * where it names AI (see the gate), so technology words elsewhere on it lend nothing.
 */
const TOPIC = 'ai';
const SENTENCE_TOPIC = 'technology';

/**
 * The claim of a sentence that the model holds, with confidence (StanceModel.untriggered), to use the
 * frame though no trigger names a claim in it: the frame at its most general.
 */
export const UNTRIGGERED_CLAIM = 'the-ai-race';

/**
 * Finds the claims each passage uses or critiques. Each sentence is read once against the compiled
 * index. A trigger makes its sentence a candidate when the contexts its claim needs are named in the
 * sentence or anywhere in the article (the topic: see SENTENCE_TOPIC), and when it is not part of
 * another sense of the words ("the human race"). The stance model then judges the sentence on its
 * own text (no neighbour lends it anything: an article about AI can recall the nuclear arms race):
 * "none" drops a candidate, else its judgement is the stance of each claim the sentence triggers. A
 * sentence without a candidate trigger is flagged only where the model is confident it uses the
 * frame (UNTRIGGERED_CLAIM).
 */
export function matchPassages(compiled: CompiledLibrary, passages: Passage[], model: StanceModel = bundledStanceModel()): Match[] {
  const readings = passages.flatMap((passage) => splitSentences(passage.text).map((span) => ({ passage, reading: readSentence(compiled, passage, span) })));
  const article = new Set(readings.flatMap(({ reading }) => [...reading.contexts]));
  const holds = (at: number, reading: SentenceReading) =>
    compiled.claims[at]!.claim.needs.every((need) => article.has(need) || (need === TOPIC && reading.contexts.has(SENTENCE_TOPIC)));
  const untriggered = compiled.claims.findIndex((c) => c.claim.id === UNTRIGGERED_CLAIM);
  const matches: Match[] = [];
  for (const { passage, reading } of readings) {
    if (reading.tokens.length === 0) continue;
    const otherSenses = reading.hits.filter((h) => h.payload.kind === 'other-sense');
    const candidates = reading.hits.filter(
      (hit): hit is Hit<Extract<Cue, { kind: 'trigger' }>> =>
        hit.payload.kind === 'trigger' && holds(hit.payload.claim, reading) && !otherSenses.some((o) => overlaps(o, hit)),
    );
    // A claim's own trigger names the claim better than the frame's wider words.
    const named = candidates.some((hit) => !hit.payload.loose);
    // Each claim's first trigger in the sentence, as token ranges.
    const triggered = new Map<number, { start: number; end: number }>();
    for (const hit of candidates) {
      if (!(named && hit.payload.loose) && !triggered.has(hit.payload.claim)) triggered.set(hit.payload.claim, hit);
    }
    const sentence = passage.text.slice(reading.span.start, reading.span.end);
    if (triggered.size === 0 && (untriggered < 0 || !holds(untriggered, reading))) continue;
    const verdict = judge(model, viewOf(compiled, reading, passage.text));
    if (verdict.judgement === 'none') continue;
    // A sentence the article lends its topic to may well be history (the space race) or another
    // field: it needs a confident verdict.
    const onTopic = reading.contexts.has(TOPIC) || reading.contexts.has(SENTENCE_TOPIC);
    if (!onTopic && verdict.score < model.lentTopic) continue;
    if (triggered.size === 0) {
      if (verdict.judgement !== 'uses' || verdict.score < model.untriggered) continue;
      triggered.set(untriggered, { start: 0, end: reading.tokens.length });
    }
    for (const [at, words] of triggered) {
      const { frame, claim } = compiled.claims[at]!;
      const start = reading.tokens[words.start]!.start;
      const end = reading.tokens[words.end - 1]!.end;
      matches.push({
        frameId: frame.id,
        claimId: claim.id,
        stance: verdict.judgement,
        score: verdict.score,
        quote: passage.text.slice(start, end),
        sentence,
        start: passage.start + start,
        end: passage.start + end,
        sentenceStart: passage.start + reading.span.start,
        sentenceEnd: passage.start + reading.span.end,
        ...(passage.place && { place: passage.place }),
      });
    }
  }
  return matches;
}
