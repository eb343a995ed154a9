import type { CardLibrary, CounterpointView } from '../card/card-view';
import type { Match } from '../match/match';
import { flaggedPassages, type FlaggedPassage, type FramingReport } from '../report/model';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function describe(passage: FlaggedPassage, number: number): string[] {
  return [
    `  ${number}. ${passage.sentence}`,
    ...passage.claims.map((c) => `     ${c.stance === 'uses' ? 'USES     ' : 'CRITIQUES'} ${c.frameName}: ${c.says} ("${c.quote}")`),
  ];
}

/** "4 passages flagged: 3 use an arms-race frame, 1 critiques one": passages, not matches. */
function tally(passages: FlaggedPassage[]): string {
  const uses = passages.filter((p) => p.stance === 'uses').length;
  return `${plural(passages.length, 'passage', 'passages')} flagged: ${plural(uses, 'uses', 'use')} an arms-race frame, ${plural(passages.length - uses, 'critiques', 'critique')} one`;
}

function counterpoints(heading: string, points: CounterpointView[]): string[] {
  if (points.length === 0) return [];
  return [
    heading,
    ...points.flatMap(({ text, source }) => [
      `  - ${text}`,
      `    Source: ${source.label}${source.url ? ` <${source.url}>` : ''}${source.quote ? `: "${source.quote}"${source.speaker ? ` (${source.speaker})` : ''}` : ''}`,
    ]),
  ];
}

/** The readable report of `annotate FILE.html`: the same report as --format md and html, as plain text. */
export function formatReport(report: FramingReport, readerable: boolean): string {
  const lines = [
    report.title || '(untitled)',
    readerable ? 'Reads as an article.' : 'Does not read as an article: the extension would leave it alone.',
    tally(report.passages),
    ...report.passages.flatMap((p, i) => describe(p, i + 1)),
    ...counterpoints('What the frames leave out:', report.leavesOut),
    ...counterpoints('Where the frames hold:', report.holds),
  ];
  return `${lines.join('\n')}\n`;
}

/** The readable report of `annotate --sentences FILE.txt`. */
export function formatLines(results: { line: number; matches: Match[] }[], cards: CardLibrary): string {
  const lines: string[] = [];
  const all: FlaggedPassage[] = [];
  for (const { line, matches } of results) {
    if (matches.length === 0) continue;
    const passages = flaggedPassages(matches, cards);
    all.push(...passages);
    lines.push(`line ${line}:`, ...passages.flatMap((p, i) => describe(p, i + 1)));
  }
  lines.push(tally(all));
  return `${lines.join('\n')}\n`;
}
