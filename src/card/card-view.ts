import type { Counterpoint, Stance } from '../claims/types';
import type { Translate } from '../platform/i18n';
import type { CompiledLibrary } from '../match/compile';
import type { Match } from '../match/match';

/** The languages the library's own text is written in: English, and Simplified Chinese where given. */
export type CardLanguage = 'en' | 'zh';

/** A text of the library in English, and in Simplified Chinese where the library gives it. */
export interface Words {
  en: string;
  zh?: string;
}

/** The library's language for a reader: that of the extension's own words, as the browser chose them. */
export const libraryLanguage = (t: Translate): CardLanguage => (t('libraryLanguage') === 'zh' ? 'zh' : 'en');

/** `words` in `language`, or in English where the library has no text in it. */
export const inLanguage = (words: Words, language: CardLanguage): string => (language === 'zh' && words.zh) || words.en;

/**
 * What cards need of the library: the claims and counterpoints of one page's matches, in both
 * languages (the page, not where it is read, knows which its reader's words are in). The page is
 * read away from it (see analyze.ts), and only this part of the library travels back to it.
 */
export interface CardLibrary {
  claims: Record<string, { frameId: string; frameName: Words; assumes: Words; says: Words; leavesOut: string[]; holds: string[] }>;
  counterpoints: Record<string, { text: Words; source: Counterpoint['source'] }>;
}

/** The part of the library that the cards for `matches` show. */
export function cardLibraryFor(compiled: CompiledLibrary, matches: Match[]): CardLibrary {
  const cards: CardLibrary = { claims: {}, counterpoints: {} };
  for (const { claimId } of matches) {
    const entry = compiled.claims.find((c) => c.claim.id === claimId);
    if (!entry || cards.claims[claimId]) continue;
    const { frame, claim } = entry;
    cards.claims[claimId] = {
      frameId: frame.id,
      frameName: { en: frame.name, zh: frame.zh?.name },
      assumes: { en: frame.assumes, zh: frame.zh?.assumes },
      says: { en: claim.says, zh: claim.zh?.says },
      leavesOut: claim.leavesOut,
      holds: claim.holds,
    };
    for (const id of [...claim.leavesOut, ...claim.holds]) {
      const point = compiled.counterpoints.get(id);
      if (point) cards.counterpoints[id] = { text: { en: point.text, zh: point.zh?.text }, source: point.source };
    }
  }
  return cards;
}

export interface SourceView {
  /** "Title, Publisher, 2026-02-19" */
  label: string;
  /** Only ever an http(s) link. */
  url?: string;
  /** What to know of the source, and why it has no link where it has none. */
  notes: string[];
  quote?: string;
  speaker?: string;
}

export interface CounterpointView {
  id: string;
  text: string;
  source: SourceView;
}

export interface ClaimView {
  /** The words of the sentence that carry the frame. */
  quote: string;
  says: string;
  stance: Stance;
}

/** One frame on the card, once, however many of its claims the passage makes. */
export interface FrameView {
  name: string;
  assumes: string;
  claims: ClaimView[];
  leavesOut: CounterpointView[];
  holds: CounterpointView[];
}

/** Everything the card shows for one highlighted passage. */
export interface CardView {
  stance: Stance;
  /** The language of the library's text on the card. */
  language: CardLanguage;
  frames: FrameView[];
}

function sourceView(source: Counterpoint['source']): SourceView {
  const { title, publisher, date, url, noLink, note, quote, speaker } = source;
  return {
    label: [title, publisher, date].filter(Boolean).join(', '),
    url: url && /^https?:\/\//i.test(url) ? url : undefined,
    notes: [note, url ? undefined : noLink].filter((n): n is string => Boolean(n)),
    quote,
    speaker,
  };
}

/**
 * The card for the matches of one passage, in `language` (English where the library has no text in
 * it): a section per frame, each with its claims (the words that carry it and what it says) and the
 * counterpoints those claims list, once each, under "leaves out" or "holds" as each claim lists them.
 */
export function cardViewFor(matches: Match[], library: CardLibrary, language: CardLanguage): CardView {
  const pick = (words: Words) => inLanguage(words, language);
  const frames = new Map<string, FrameView & { shown: Set<string> }>();
  for (const match of matches) {
    const claim = library.claims[match.claimId];
    if (!claim) continue;
    let frame = frames.get(claim.frameId);
    if (!frame) {
      frame = { name: pick(claim.frameName), assumes: pick(claim.assumes), claims: [], leavesOut: [], holds: [], shown: new Set() };
      frames.set(claim.frameId, frame);
    }
    frame.claims.push({ quote: match.quote, says: pick(claim.says), stance: match.stance });
    for (const list of ['leavesOut', 'holds'] as const) {
      for (const id of claim[list]) {
        const point = library.counterpoints[id];
        if (!point || frame.shown.has(id)) continue;
        frame.shown.add(id);
        frame[list].push({ id, text: pick(point.text), source: sourceView(point.source) });
      }
    }
  }
  return {
    stance: matches.some((m) => m.stance === 'uses') ? 'uses' : 'critiques',
    language,
    frames: [...frames.values()].map(({ shown: _shown, ...frame }) => frame),
  };
}
