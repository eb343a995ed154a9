import { bundledLibrary } from '../claims/library';
import type { Match } from '../match/match';
import type { PageReport } from './page-report';

const frameNames = new Map(bundledLibrary.frames.map((f) => [f.id, f.name]));
const claimSays = new Map(bundledLibrary.frames.flatMap((f) => f.claims.map((c) => [c.id, c.says] as const)));

function describe(match: Match): string {
  const mark = match.stance === 'uses' ? 'USES     ' : 'CRITIQUES';
  return [
    `  ${mark} ${frameNames.get(match.frameId) ?? match.frameId}: ${claimSays.get(match.claimId) ?? match.claimId}`,
    `            "${match.quote}" in: ${match.sentence}`,
  ].join('\n');
}

function tally(matches: Match[]): string {
  const uses = matches.filter((m) => m.stance === 'uses').length;
  return `${matches.length} passage${matches.length === 1 ? '' : 's'} flagged: ${uses} use${uses === 1 ? '' : 's'} the arms-race frame, ${matches.length - uses} critique${matches.length - uses === 1 ? '' : 's'} it`;
}

/** The human-readable report of `annotate FILE.html`. */
export function formatReport(report: PageReport): string {
  const lines = [
    `${report.title || '(untitled)'}`,
    report.readerable ? 'Reads as an article.' : 'Does not read as an article: the extension would leave it alone.',
  ];
  lines.push(tally(report.matches));
  for (const match of report.matches) lines.push(describe(match));
  return `${lines.join('\n')}\n`;
}

/** The human-readable report of `annotate --sentences FILE.txt`. */
export function formatLines(results: { line: number; matches: Match[] }[]): string {
  const lines: string[] = [];
  for (const { line, matches } of results) {
    if (matches.length === 0) continue;
    lines.push(`line ${line}:`);
    for (const match of matches) lines.push(describe(match));
  }
  lines.push(tally(results.flatMap((r) => r.matches)));
  return `${lines.join('\n')}\n`;
}
