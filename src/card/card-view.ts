import type { Counterpoint, Stance } from '../claims/types';
import type { CompiledLibrary } from '../match/compile';
import type { Match } from '../match/match';

/**
 * What cards need of the library: the claims and counterpoints of one page's matches. The page is
 * read away from it (see analyze.ts), and only this part of the library travels back to it.
 */
export interface CardLibrary {
  claims: Record<string, { frameName: string; assumes: string; says: string; counterpoints: string[] }>;
  counterpoints: Record<string, Counterpoint>;
}

/** The part of the library that the cards for `matches` show. */
export function cardLibraryFor(compiled: CompiledLibrary, matches: Match[]): CardLibrary {
  const cards: CardLibrary = { claims: {}, counterpoints: {} };
  for (const { claimId } of matches) {
    const entry = compiled.claims.find((c) => c.claim.id === claimId);
    if (!entry || cards.claims[claimId]) continue;
    const { frame, claim } = entry;
    cards.claims[claimId] = { frameName: frame.name, assumes: frame.assumes, says: claim.says, counterpoints: claim.counterpoints };
    for (const id of claim.counterpoints) {
      const point = compiled.counterpoints.get(id);
      if (point) cards.counterpoints[id] = point;
    }
  }
  return cards;
}

export interface SourceView {
  /** "Title, Publisher, 2026-02-20" */
  label: string;
  /** Only ever an http(s) link. */
  url?: string;
  quote?: string;
  speaker?: string;
}

export interface CounterpointView {
  id: string;
  text: string;
  source: SourceView;
}

export interface ClaimView {
  frameName: string;
  assumes: string;
  says: string;
  quote: string;
  stance: Stance;
}

/** Everything the card shows for one highlighted passage. */
export interface CardView {
  stance: Stance;
  claims: ClaimView[];
  leavesOut: CounterpointView[];
  holds: CounterpointView[];
}

function sourceView(counterpoint: Counterpoint): SourceView {
  const { title, publisher, date, url, quote, speaker } = counterpoint.source;
  return {
    label: [title, publisher, date].filter(Boolean).join(', '),
    url: url && /^https?:\/\//i.test(url) ? url : undefined,
    quote,
    speaker,
  };
}

/** The card for the matches of one passage: each claim, then the counterpoints of all of them, once each. */
export function cardViewFor(matches: Match[], library: CardLibrary): CardView {
  const claims: ClaimView[] = [];
  const counterpointIds: string[] = [];
  for (const match of matches) {
    const claim = library.claims[match.claimId];
    if (!claim) continue;
    claims.push({ frameName: claim.frameName, assumes: claim.assumes, says: claim.says, quote: match.quote, stance: match.stance });
    for (const id of claim.counterpoints) if (!counterpointIds.includes(id)) counterpointIds.push(id);
  }
  const points = counterpointIds.map((id) => library.counterpoints[id]).filter((c): c is Counterpoint => c !== undefined);
  const view = (c: Counterpoint): CounterpointView => ({ id: c.id, text: c.text, source: sourceView(c) });
  return {
    stance: matches.some((m) => m.stance === 'uses') ? 'uses' : 'critiques',
    claims,
    leavesOut: points.filter((c) => c.kind === 'leaves-out').map(view),
    holds: points.filter((c) => c.kind === 'holds').map(view),
  };
}
