import type { Translate } from '../platform/i18n';
import type { CounterpointView } from '../card/card-view';
import type { FramingReport } from './model';

/** Markup made by markup`` below: its own text, with every value put into it escaped. */
class Markup {
  constructor(readonly text: string) {}
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that shows it as it is, in content or in a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Markup of our own (a style sheet, a script we wrote): never for page text. */
export function ours(text: string): Markup {
  return new Markup(text);
}

type Value = string | number | Markup | Markup[];

/**
 * The one way this report's HTML is made: the template's literal parts are ours, and every value is
 * escaped unless it is markup made here already. Page text is untrusted, so none reaches the file
 * any other way. (Not named html, which Prettier would reformat as HTML, changing the output.)
 */
export function markup(parts: TemplateStringsArray, ...values: Value[]): Markup {
  const out = (value: Value): string => (value instanceof Markup ? value.text : Array.isArray(value) ? value.map(out).join('') : escapeHtml(String(value)));
  return new Markup(parts.reduce((text, part, i) => text + out(values[i - 1] ?? '') + part));
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}
table{border-collapse:collapse}th,td{padding:.25rem .75rem;border-bottom:1px solid #ccc;text-align:left}td.n{text-align:right}
.uses{background:#fff1c2}.critiques{text-decoration:underline dotted}li{margin:.5rem 0}blockquote{margin:.25rem 0 0 1rem;color:#555}
@media (prefers-color-scheme:dark){body{color:#eee;background:#1d1d1f}.uses{background:#5c4a00}blockquote{color:#bbb}}`;

function counterpoints(heading: string, points: CounterpointView[], t: Translate): Markup[] {
  if (points.length === 0) return [];
  const items = points.map(({ text, source }) => {
    const label = source.url ? markup`<a href="${source.url}" rel="noreferrer">${source.label}</a>` : markup`${source.label}`;
    const quote = source.quote ? markup`<blockquote>“${source.quote}”${source.speaker ? ` — ${source.speaker}` : ''}</blockquote>` : markup``;
    return markup`<li>${text}<br>${t('cardSource')}${label}${quote}</li>`;
  });
  return [markup`<h2>${heading}</h2><ul>${items}</ul>`];
}

/** The report as one self-contained HTML file: no script, no request; its policy forbids both. */
export function reportHtml(report: FramingReport, t: Translate): string {
  const stance = (s: 'uses' | 'critiques') => t(s === 'uses' ? 'stanceUses' : 'stanceCritiques');
  const uses = report.passages.filter((p) => p.stance === 'uses').length;
  const rows = report.counts.map((c) => markup`<tr><td>${c.frameName}</td><td class="n">${c.uses}</td><td class="n">${c.critiques}</td></tr>`);
  const passages = report.passages.map(
    (p) =>
      markup`<li><span class="${p.stance}">${p.sentence}</span><br><small>${p.claims.map((c) => markup`${stance(c.stance)} · ${c.frameName}: ${c.says} (“${c.quote}”) `)}</small></li>`,
  );
  const body =
    report.passages.length === 0
      ? markup`<p>${t('reportNothing')}</p>`
      : markup`<h2>${t('reportCounts')}</h2>
<table><thead><tr><th>${t('reportFrame')}</th><th>${stance('uses')}</th><th>${stance('critiques')}</th></tr></thead>
<tbody>${rows}<tr><th>${t('reportAllFrames')}</th><td class="n">${uses}</td><td class="n">${report.passages.length - uses}</td></tr></tbody></table>
<h2>${t('reportPassages')}</h2><ol>${passages}</ol>
${counterpoints(t('reportLeavesOut'), report.leavesOut, t)}${counterpoints(t('reportHolds'), report.holds, t)}`;
  return markup`<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width">
<title>${t('reportHeading')}: ${report.title}</title><style>${ours(STYLE)}</style></head>
<body><h1>${t('reportHeading')}: ${report.title}</h1>
<p>${t('reportAddress')} ${report.address}<br>${t('reportRead')} <time datetime="${report.readAt}">${report.readAt.slice(0, 10)}</time></p>
${body}
</body></html>
`.text;
}
