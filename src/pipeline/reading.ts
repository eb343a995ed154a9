import type { CardLibrary } from '../card/card-view';
import type { Match } from '../match/match';

/** What reading a page gives the page back: its article's text, the matches in it, and their cards. */
export interface PageReading {
  title: string;
  /** The article's text, where Readability found one: match offsets point into it. */
  articleText: string | null;
  matches: Match[];
  cards: CardLibrary;
  /** The benchmark build only: how long each stage took where the page was read. */
  timings?: Record<string, number>;
}

/** A reading that found nothing: no article, or the gate turned the page away. */
export const NOTHING_READ: PageReading = { title: '', articleText: null, matches: [], cards: { claims: {}, counterpoints: {} } };
