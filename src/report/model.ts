import { cardViewFor, type CardLibrary, type CounterpointView } from '../card/card-view';
import type { Stance } from '../claims/types';
import type { Match } from '../match/match';

/** One sentence that uses or critiques a frame, with the claims it was flagged for. */
export interface FlaggedPassage {
  sentence: string;
  /** "uses" when any of its matches uses a frame, as its highlight shows. */
  stance: Stance;
  claims: { frameId: string; frameName: string; says: string; quote: string; stance: Stance }[];
}

/** How many flagged passages use, and how many critique, one frame. */
export interface FrameCount {
  frameId: string;
  frameName: string;
  uses: number;
  critiques: number;
}

/** A page's framing report: what the extension found on it, as a whole, to read or hand on. */
export interface FramingReport {
  title: string;
  /** The page's address, or the file it was read from. */
  address: string;
  /** When it was read, as an ISO 8601 date and time. */
  readAt: string;
  passages: FlaggedPassage[];
  counts: FrameCount[];
  leavesOut: CounterpointView[];
  holds: CounterpointView[];
}

/** What the highlighter on a page gives for its report (page:report): its reading's matches as shown, and their cards. */
export interface PageReportSource {
  title: string;
  url: string;
  matches: Match[];
  cards: CardLibrary;
}

/** What a report is built from: what a reading of the page holds (see PageReading). */
export interface ReportInput {
  title: string;
  address: string;
  readAt: Date;
  matches: Match[];
  cards: CardLibrary;
}

/** The matches grouped by the sentence they stand in (matches come in the article's order). */
export function flaggedPassages(matches: ReportInput['matches'], cards: CardLibrary): FlaggedPassage[] {
  const passages: FlaggedPassage[] = [];
  let lastStart: number | undefined;
  for (const m of matches) {
    const claim = cards.claims[m.claimId];
    const entry = { frameId: m.frameId, frameName: claim?.frameName.en ?? m.frameId, says: claim?.says.en ?? m.claimId, quote: m.quote, stance: m.stance };
    const last = passages.at(-1);
    if (last && lastStart === m.sentenceStart) {
      last.claims.push(entry);
      if (m.stance === 'uses') last.stance = 'uses';
    } else passages.push({ sentence: m.sentence, stance: m.stance, claims: [entry] });
    lastStart = m.sentenceStart;
  }
  return passages;
}

/** For each frame, in order of first appearance: the passages that use it and those that critique it. */
export function countsByFrame(passages: FlaggedPassage[]): FrameCount[] {
  const counts = new Map<string, FrameCount>();
  for (const passage of passages) {
    const stances = new Map<string, Stance>();
    for (const c of passage.claims) {
      if (!counts.has(c.frameId)) counts.set(c.frameId, { frameId: c.frameId, frameName: c.frameName, uses: 0, critiques: 0 });
      if (stances.get(c.frameId) !== 'uses') stances.set(c.frameId, c.stance);
    }
    for (const [frameId, stance] of stances) counts.get(frameId)![stance]++;
  }
  return [...counts.values()];
}

export function buildReport(input: ReportInput): FramingReport {
  const passages = flaggedPassages(input.matches, input.cards);
  // The report is in English, whatever the reader's language: it is written to be handed on.
  const { frames } = cardViewFor(input.matches, input.cards, 'en');
  const once = (points: CounterpointView[]) => points.filter((point, i) => points.findIndex((p) => p.id === point.id) === i);
  const leavesOut = once(frames.flatMap((f) => f.leavesOut));
  const holds = once(frames.flatMap((f) => f.holds));
  return {
    title: input.title,
    address: input.address,
    readAt: input.readAt.toISOString(),
    passages,
    counts: countsByFrame(passages),
    leavesOut,
    holds,
  };
}
