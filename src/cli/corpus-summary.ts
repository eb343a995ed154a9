import type { Stance } from '../claims/types';
import { countsByFrame, flaggedPassages } from '../report/model';
import type { PageReport } from './page-report';

/** One line of the corpus mode's output. */
export interface CorpusRow extends PageReport {
  file: string;
  url?: string;
  date?: string;
}

/** A share of the corpus (all of it, one site, one month) and its counts. */
export interface SummaryGroup {
  scope: 'all' | 'site' | 'month';
  key: string;
  pages: number;
  /** Flagged passages, whatever their frame. */
  passages: number;
  /** By frame id, then stance: the passages that use or critique it, and the pages with any. */
  frames: Record<string, Record<Stance, { passages: number; pages: number }>>;
}

export interface CorpusSummary {
  /** Every frame found anywhere in the corpus, by id. */
  frameIds: string[];
  groups: SummaryGroup[];
  csv(): string;
}

const NO_SITE = '(no address)';
const NO_MONTH = '(no date)';

/** The site of a page's address, without "www.". */
export function siteOf(url: string | undefined): string {
  if (url === undefined) return NO_SITE;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || NO_SITE;
  } catch {
    return NO_SITE;
  }
}

const monthOf = (date: string | undefined) => (date && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : NO_MONTH);

// Quoted where needed, and never read by a spreadsheet as a formula.
const cell = (value: string | number) => {
  const text = String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * Counts of a corpus's output by frame × stance, over all of it, by site and by month, in passages
 * (sentences flagged, as a page's report counts them) and in pages. Read as a stream, row by row.
 */
export async function corpusSummary(rows: AsyncIterable<CorpusRow>): Promise<CorpusSummary> {
  const groups = new Map<string, SummaryGroup>();
  const frameIds = new Set<string>();
  const group = (scope: SummaryGroup['scope'], key: string) => {
    const id = `${scope}\n${key}`;
    let found = groups.get(id);
    if (!found) groups.set(id, (found = { scope, key, pages: 0, passages: 0, frames: {} }));
    return found;
  };
  for await (const row of rows) {
    const passages = flaggedPassages(row.matches, { claims: {}, counterpoints: {} });
    const counts = countsByFrame(passages);
    for (const g of [group('all', ''), group('site', siteOf(row.url)), group('month', monthOf(row.date))]) {
      g.pages++;
      g.passages += passages.length;
      for (const c of counts) {
        frameIds.add(c.frameId);
        const frame = (g.frames[c.frameId] ??= { uses: { passages: 0, pages: 0 }, critiques: { passages: 0, pages: 0 } });
        for (const stance of ['uses', 'critiques'] as const) {
          frame[stance].passages += c[stance];
          if (c[stance] > 0) frame[stance].pages++;
        }
      }
    }
  }
  const ids = [...frameIds].sort();
  const order = { all: 0, site: 1, month: 2 };
  const sorted = [...groups.values()].sort((a, b) => order[a.scope] - order[b.scope] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    frameIds: ids,
    groups: sorted,
    csv() {
      const lines = ['scope,key,frame,stance,passages,pages'];
      for (const g of sorted) {
        lines.push([g.scope, g.key, '*', '*', g.passages, g.pages].map(cell).join(','));
        for (const id of ids)
          for (const stance of ['uses', 'critiques'] as const) {
            const n = g.frames[id]?.[stance] ?? { passages: 0, pages: 0 };
            lines.push([g.scope, g.key, id, stance, n.passages, n.pages].map(cell).join(','));
          }
      }
      return `${lines.join('\n')}\n`;
    },
  };
}
