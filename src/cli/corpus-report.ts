import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bundledLibrary } from '../claims/library';
import { markup, ours } from '../report/html';
import type { CorpusSummary } from './corpus-summary';

/** Chart.js's own browser build, read from the installed package, so the report needs no network. */
function chartJs(): string {
  const main = createRequire(import.meta.url).resolve('chart.js');
  return readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
}

/** JSON inside <script type="application/json">: no "<" in it, so no "</script>" can end it early. */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

const SITES_SHOWN = 20;

/** What the charts draw: passages by frame × stance, over the corpus, by month and by site. */
export function chartData(summary: CorpusSummary) {
  const names = new Map(bundledLibrary.frames.map((f) => [f.id, f.name]));
  const frames = summary.frameIds.map((id) => ({ id, name: names.get(id) ?? id }));
  const of = (scope: string) => summary.groups.filter((g) => g.scope === scope);
  const byStance = (g: CorpusSummary['groups'][number], stance: 'uses' | 'critiques') =>
    summary.frameIds.reduce((sum, id) => sum + (g.frames[id]?.[stance].passages ?? 0), 0);
  const all = of('all')[0];
  const sites = of('site')
    .sort((a, b) => b.passages - a.passages || b.pages - a.pages)
    .slice(0, SITES_SHOWN);
  return {
    pages: all?.pages ?? 0,
    passages: all?.passages ?? 0,
    frames: frames.map((f) => ({ ...f, uses: all?.frames[f.id]?.uses.passages ?? 0, critiques: all?.frames[f.id]?.critiques.passages ?? 0 })),
    months: of('month').map((g) => ({ month: g.key, pages: g.pages, uses: byStance(g, 'uses'), critiques: byStance(g, 'critiques') })),
    sites: sites.map((g) => ({ site: g.key, pages: g.pages, uses: byStance(g, 'uses'), critiques: byStance(g, 'critiques') })),
  };
}

// Ours: reads the data and gives it to Chart.js. Text reaches the page only as chart labels, drawn on a canvas.
const DRAW = `(() => {
  const data = JSON.parse(document.getElementById('data').textContent);
  const scales = (indexAxis) => {
    const value = { stacked: true, beginAtZero: true, title: { display: true, text: 'passages' } };
    return indexAxis === 'y' ? { x: value, y: { stacked: true } } : { x: { stacked: true }, y: value };
  };
  const pair = (rows) => [
    { label: 'uses', data: rows.map((r) => r.uses), backgroundColor: '#e8a317' },
    { label: 'critiques', data: rows.map((r) => r.critiques), backgroundColor: '#4a7ab7' },
  ];
  const bar = (id, labels, rows, indexAxis) => new Chart(document.getElementById(id), {
    type: 'bar', data: { labels, datasets: pair(rows) }, options: { animation: false, indexAxis, scales: scales(indexAxis) },
  });
  bar('frames', data.frames.map((f) => f.name), data.frames, 'y');
  bar('months', data.months.map((m) => m.month), data.months, 'x');
  bar('sites', data.sites.map((s) => s.site), data.sites, 'y');
})();`;

/**
 * The corpus at a glance, as one HTML file that opens offline: passages by frame and stance, by
 * month and by site, as charts drawn by Chart.js (inlined) from the counts embedded as JSON.
 */
export function corpusReportHtml(summary: CorpusSummary): string {
  const data = chartData(summary);
  return markup`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width">
<title>Counterframe: framing across ${data.pages} pages</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}section{margin:2rem 0}</style></head>
<body><h1>Framing across ${data.pages} pages</h1>
<p>${data.passages} passages flagged. Counts are of passages (sentences) that use or critique each frame; a passage with two frames counts for each.</p>
<section><h2>By frame</h2><canvas id="frames" role="img" aria-label="Passages by frame and stance"></canvas></section>
<section><h2>By month</h2><canvas id="months" role="img" aria-label="Passages by month and stance"></canvas></section>
<section><h2>By site (the ${SITES_SHOWN} with most passages)</h2><canvas id="sites" role="img" aria-label="Passages by site and stance"></canvas></section>
<script type="application/json" id="data">${ours(scriptJson(data))}</script>
<script>${ours(chartJs())}</script>
<script>${ours(DRAW)}</script>
</body></html>
`.text;
}
