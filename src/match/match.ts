import type { PagePlace } from '../anchor/place';
import type { Stance } from '../claims/types';
import { splitSentences, type Span } from '../text/sentences';
import type { CompiledLibrary, Cue } from './compile';
import type { Hit } from './pattern-index';
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

function readSentence(compiled: CompiledLibrary, passage: Passage, span: Span): SentenceReading {
  const tokens = tokenize(passage.text.slice(span.start, span.end), span.start);
  const hits = compiled.index.scan(tokens);
  const contexts = new Set<string>();
  for (const hit of hits) if (hit.payload.kind === 'context') contexts.add(hit.payload.name);
  return { span, tokens, hits, contexts };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function isScareQuoted(reading: SentenceReading, text: string, hit: Hit<Cue>): boolean {
  const start = reading.tokens[hit.start].start;
  const end = reading.tokens[hit.end - 1].end;
  const local = text.slice(reading.span.start, reading.span.end);
  return quotedSpans(local).some((q) => {
    const qStart = q.start + reading.span.start;
    const qEnd = q.end + reading.span.start;
    if (start < qStart || end > qEnd) return false;
    const words = reading.tokens.filter((t) => t.start >= qStart && t.end <= qEnd).length;
    return words <= hit.end - hit.start + SCARE_QUOTE_SLACK;
  });
}

function stanceOf(reading: SentenceReading, text: string, hit: Hit<Cue>): Stance {
  if (reading.hits.some((h) => h.payload.kind === 'critique')) return 'critiques';
  return isScareQuoted(reading, text, hit) ? 'critiques' : 'uses';
}

/** How many sentences before and after a trigger its claim's contexts may stand in, across paragraphs. */
export const CONTEXT_WINDOW = 2;

/**
 * Finds the claims each passage uses or critiques. Each sentence is read once against the compiled
 * index; a trigger counts when the contexts its claim needs occur within CONTEXT_WINDOW sentences of
 * it, and when it is not part of another sense of the words ("the human race").
 */
export function matchPassages(compiled: CompiledLibrary, passages: Passage[]): Match[] {
  const readings = passages.flatMap((passage) => splitSentences(passage.text).map((span) => ({ passage, reading: readSentence(compiled, passage, span) })));
  const matches: Match[] = [];
  readings.forEach(({ passage, reading }, i) => {
    const near = new Set<string>();
    for (let k = Math.max(0, i - CONTEXT_WINDOW); k <= Math.min(readings.length - 1, i + CONTEXT_WINDOW); k++) {
      for (const name of readings[k].reading.contexts) near.add(name);
    }
    const otherSenses = reading.hits.filter((h) => h.payload.kind === 'other-sense');
    const seen = new Set<number>();
    for (const hit of reading.hits) {
      if (hit.payload.kind !== 'trigger' || seen.has(hit.payload.claim)) continue;
      const { frame, claim } = compiled.claims[hit.payload.claim];
      if (!claim.needs.every((need) => near.has(need))) continue;
      if (otherSenses.some((o) => overlaps(o, hit))) continue;
      seen.add(hit.payload.claim);
      const start = reading.tokens[hit.start].start;
      const end = reading.tokens[hit.end - 1].end;
      matches.push({
        frameId: frame.id,
        claimId: claim.id,
        stance: stanceOf(reading, passage.text, hit),
        quote: passage.text.slice(start, end),
        sentence: passage.text.slice(reading.span.start, reading.span.end),
        start: passage.start + start,
        end: passage.start + end,
        sentenceStart: passage.start + reading.span.start,
        sentenceEnd: passage.start + reading.span.end,
        ...(passage.place && { place: passage.place }),
      });
    }
  });
  return matches;
}
