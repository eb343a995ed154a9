import type { Translate } from '../platform/i18n';
import type { CounterpointView } from '../card/card-view';
import type { FramingReport } from './model';

/**
 * Text as Markdown that shows it as written, on one line: the page's text is untrusted, and a
 * Markdown viewer would otherwise take its brackets, stars or tags as markup.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^[#+=-]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A link's address as a Markdown autolink, which ends at the first space or angle bracket. */
function autolink(url: string): string {
  return `<${url.replace(/[\s<>]/g, encodeURIComponent)}>`;
}

function counterpoints(heading: string, points: CounterpointView[], t: Translate): string[] {
  if (points.length === 0) return [];
  const items = points.map(({ text, source }) => {
    const quote = source.quote ? `\n  > “${escapeMarkdown(source.quote)}”${source.speaker ? ` — ${escapeMarkdown(source.speaker)}` : ''}` : '';
    return `- ${escapeMarkdown(text)}\n  ${escapeMarkdown(t('cardSource'))} ${escapeMarkdown(source.label)}${source.url ? ` ${autolink(source.url)}` : ''}${quote}`;
  });
  return [`## ${escapeMarkdown(heading)}`, '', ...items, ''];
}

/** The report as Markdown, to paste into a document, a message or a wiki. */
export function reportMarkdown(report: FramingReport, t: Translate): string {
  const md = (key: Parameters<Translate>[0]) => escapeMarkdown(t(key));
  const stance = (s: 'uses' | 'critiques') => md(s === 'uses' ? 'stanceUses' : 'stanceCritiques');
  const lines = [
    `# ${md('reportHeading')}: ${escapeMarkdown(report.title)}`,
    '',
    `${md('reportAddress')} ${escapeMarkdown(report.address)}  `,
    `${md('reportRead')} ${report.readAt.slice(0, 10)}`,
    '',
  ];
  if (report.passages.length === 0) return [...lines, md('reportNothing'), ''].join('\n');
  const uses = report.passages.filter((p) => p.stance === 'uses').length;
  lines.push(
    `## ${md('reportCounts')}`,
    '',
    `| ${md('reportFrame')} | ${stance('uses')} | ${stance('critiques')} |`,
    '| --- | ---: | ---: |',
    ...report.counts.map((c) => `| ${escapeMarkdown(c.frameName)} | ${c.uses} | ${c.critiques} |`),
    `| **${md('reportAllFrames')}** | **${uses}** | **${report.passages.length - uses}** |`,
    '',
    `## ${md('reportPassages')}`,
    '',
  );
  report.passages.forEach((p, i) => {
    lines.push(`${i + 1}. ${escapeMarkdown(p.sentence)}`);
    for (const c of p.claims)
      lines.push(`   - *${stance(c.stance)}* · ${escapeMarkdown(c.frameName)}: ${escapeMarkdown(c.says)} (“${escapeMarkdown(c.quote)}”)`);
  });
  lines.push('', ...counterpoints(t('reportLeavesOut'), report.leavesOut, t), ...counterpoints(t('reportHolds'), report.holds, t));
  return lines.join('\n');
}
