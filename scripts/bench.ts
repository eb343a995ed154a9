/**
 * `npm run bench [-- --quick]`: measures the extension in Debian's Chromium beside what it must be compared with,
 * in one run, and prints ratios against the targets. Nothing here asserts: the machine is shared, so
 * the numbers are reported, not tested. Writes artifacts/bench/bench.json.
 *
 * Per page (the 65 corpus pages, the project's framed fixtures, the same corpus pages with framed
 * passages inserted in their article, and one article ten times as long), from the benchmark build
 * (wxt build --mode bench):
 *   - the extension's main-thread time, content-script start to highlights painted (see
 *     HIGHLIGHTER_TASKS and GATE_TASKS): the gate script's first run, and where the page passes its first
 *     look, the reader's first run and tasks; and
 *     its longest single task; beside it, the time spent reading the page away from it (the
 *     offscreen document: parse, gate, Readability, matching);
 *   - on the pages without trigger words, for scale, plain content scripts that read the page's text
 *     (PLAIN_SCRIPTS);
 *   - Readability's clone + parse() alone on the same page, in the page, and parse() apart (what
 *     the target for pages without trigger words is measured against);
 *   - for pages with highlights, mark.js markRanges() on the same ranges, beside our paint.
 * Then, in Node: the matcher alone at 1x, 10x and 100x the library, and on longer articles.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { JSDOM, VirtualConsole } from 'jsdom';
import { bundledLibrary } from '../src/claims/library';
import type { ClaimLibrary } from '../src/claims/types';
import { extractArticle } from '../src/extract/extract';
import { compileLibrary } from '../src/match/compile';
import { matchPassages, type Passage } from '../src/match/match';
import { firstLookLiterals } from '../src/gate/first-look-module';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/browsers';
import { ensureBrowsers } from './lib/ensure-browsers';
import { serveFolders } from './lib/server';
import { commandLineFigures, printCommandLineFigures } from './lib/bench-cli';

const require = createRequire(import.meta.url);
const SHARED = resolve(process.env.COUNTERFRAME_SHARED ?? '../shared');
const CORPUS = join(SHARED, 'corpus/readability-pages');
const OUT = 'artifacts/bench';
const PAGES = '.tmp/bench-pages';
const BENCH_BUILD = resolve('.output/chrome-mv3-bench');

interface PageResult {
  page: string;
  kind: 'corpus' | 'framed' | 'inserted' | 'long';
  highlights: number;
  extensionMs: number;
  longestTaskMs: number;
  /** Time spent reading the page in the offscreen document, off the page's main thread. */
  awayMs: number | null;
  /** The same, by stage (parse, gate, extract, match with the stance model's judgements, model: its load). */
  awayStages: Record<string, number> | null;
  /** Wall time from the page's load event to its highlights painted. */
  loadToPaintMs: number | null;
  /** Whether Readability ran on the page (away from it): the gate there let it on. */
  readabilityRan: boolean;
  stages: Record<string, number>;
  /** Readability's clone of the document and parse() (the target for pages with matches). */
  readabilityMs: number;
  /** Of it, parse() alone (the target for pages without trigger words). */
  readabilityParseMs: number;
  paintMs: number | null;
  markJsMs: number | null;
}

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  // 0 <= lo <= ceil(at) <= length - 1, and the list is not empty.
  return sorted[lo]! + (sorted[Math.ceil(at)]! - sorted[lo]!) * (at - lo);
}
/**
 * The extension's tasks on the page after its scripts' first run, each timed as a whole by the
 * benchmark build: the reader's settings arriving, copying the page, sending it (the gate's scan,
 * Readability and matching happen away from the page), anchoring the reading that comes back (in
 * steps of NODES_PER_STEP nodes), painting it. Each script's first run (compiling and evaluating it,
 * and what its main does at once: the gate script's look at the text, its refusal or its call for
 * the reader, the reader's start) is taken from Chromium's own trace (EvaluateScript), so that the
 * cost of loading the code counts too.
 */
const HIGHLIGHTER_TASKS = ['apply', 'serialize', 'send', 'anchor', 'show'];
/**
 * The gate script's steps, tasks of their own only where packs are installed: it then asks storage
 * for them first ("packs"), and looks once they come. Otherwise they run in its first run, already
 * counted; the benchmark's fresh profile has no packs.
 */
const GATE_TASKS = ['packs', 'refused no-trigger-words', 'wanted'];
const SCRIPTS = ['gate.js', 'highlighter.js'];
const fmt = (n: number | null) => (n === null || Number.isNaN(n) ? '-' : n.toFixed(2));

/** Framed passages to insert into ordinary pages: written for the benchmark, not from the corpus. */
const INSERTED = [
  'Officials in Washington insist that America must win the AI race against China.',
  'Critics say the arms race narrative about artificial intelligence is misleading.',
  'China is only months behind the United States in frontier AI models, the report claims.',
];

/**
 * The page with INSERTED after its longest paragraph, which on a news page is the article's: a
 * reading mode keeps it, so the passages land in the article whatever the page's layout. Pages
 * without a paragraph get them at the body's end.
 */
function withFramedPassages(html: string): string {
  const framed = INSERTED.map((s) => `<p>${s}</p>`).join('');
  let at = -1;
  let longest = 0;
  for (const paragraph of html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)) {
    const length = paragraph[1]!.replace(/<[^>]*>/g, '').length;
    if (length > longest) [longest, at] = [length, paragraph.index + paragraph[0].length];
  }
  return at >= 0 ? `${html.slice(0, at)}${framed}${html.slice(at)}` : html.replace(/<\/body>/i, `${framed}</body>`);
}

/**
 * `--quick`: one corpus page in QUICK_SHARE (in name order, so the same pages every time), for a
 * look in minutes; the ratios are then of fewer pages, and said so.
 */
const QUICK = process.argv.includes('--quick');
const QUICK_SHARE = 5;
const QUICK_PLAIN_PAGES = 3;

function preparePages(): { path: string; kind: PageResult['kind'] }[] {
  mkdirSync(PAGES, { recursive: true });
  const pages: { path: string; kind: PageResult['kind'] }[] = [];
  const corpus = readdirSync(CORPUS)
    .sort()
    .filter((_, i) => !QUICK || i % QUICK_SHARE === 0);
  for (const name of corpus) pages.push({ path: `/corpus/${name}/source.html`, kind: 'corpus' });
  for (const name of ['arms-race/source.html', 'late/source.html']) pages.push({ path: `/fixtures/${name}`, kind: 'framed' });
  for (const name of corpus) {
    const html = readFileSync(join(CORPUS, name, 'source.html'), 'utf8');
    writeFileSync(join(PAGES, `inserted-${name}.html`), withFramedPassages(html));
    pages.push({ path: `/generated/inserted-${name}.html`, kind: 'inserted' });
  }
  const article = readFileSync('tests/fixtures/pages/arms-race/source.html', 'utf8');
  const body = /<article>([\s\S]*)<\/article>/.exec(article)![1];
  writeFileSync(
    join(PAGES, 'long-article.html'),
    article.replace(/<article>[\s\S]*<\/article>/, `<article>${Array.from({ length: 10 }, () => body).join('\n')}</article>`),
  );
  pages.push({ path: '/generated/long-article.html', kind: 'long' });
  return pages;
}

type Context = Awaited<ReturnType<typeof chromium.launchPersistentContext>>;
type Page = Awaited<ReturnType<Context['newPage']>>;

/**
 * Opens `url` in `page` under Chromium's trace until `finished` resolves, and returns the thread time
 * of each first run (EvaluateScript) of the given extension scripts: compiling them, evaluating them,
 * and what their main does at once. Thread time, not wall time: on this shared machine the thread is
 * often descheduled in the middle of a page load, which is not the script's cost.
 */
async function tracedVisit(
  context: Context,
  page: Page,
  url: string,
  scripts: string[],
  finished: () => Promise<boolean>,
): Promise<{ done: boolean; evaluated: Record<string, number> }> {
  const trace = await context.newCDPSession(page);
  const events: { name: string; tdur?: number; args?: { data?: { url?: string } } }[] = [];
  trace.on('Tracing.dataCollected', (batch) => void events.push(...(batch.value as unknown as typeof events)));
  await trace.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
  const done = await finished();
  const traced = new Promise((resolved) => trace.once('Tracing.tracingComplete', resolved));
  await trace.send('Tracing.end');
  await traced;
  const evaluated: Record<string, number> = {};
  for (const event of events) {
    const script = event.name === 'EvaluateScript' ? scripts.find((name) => event.args?.data?.url?.endsWith(`/${name}`)) : undefined;
    if (script) evaluated[script] = (evaluated[script] ?? 0) + (event.tdur ?? 0) / 1000;
  }
  return { done, evaluated };
}

/** How the gate script reads a page's text (src/text/body-text.ts), written out for the scripts below. */
const READ_TEXT = "document.evaluate('string(/html/body)', document, null, 2, null).stringValue";

/**
 * For scale, on the pages without trigger words: what plain content scripts cost here, each in an
 * extension of its own, measured the same way as the gate script. The first reads the page's text
 * the plainest way; the others read it as the gate script does, then test one short regular
 * expression, then the gate script's own patterns: its look, without the code around it (the page's
 * address, following the page, packs).
 */
const PLAIN_SCRIPTS: Record<string, string> = {
  'reads document.body.textContent': 'document.body.textContent.length;\n',
  'reads the text as the gate script does (XPath)': `${READ_TEXT}.length;\n`,
  'the same, and tests one short regular expression': `/AI|artificial/.test(${READ_TEXT});\n`,
  // Written as the build writes them (a RegExp's string is its literal).
  "the same, and tests the gate script's patterns instead": `{ const text = ${READ_TEXT}; [${Object.values(firstLookLiterals(bundledLibrary).gateScript).join(', ')}].some((pattern) => pattern.test(text)); }\n`,
};

/** Each script's thread time per page, as tracedVisit measures the gate script's. */
async function measurePlainScripts(paths: string[]): Promise<Record<string, Record<string, number>>> {
  const server = await serveFolders({ '/corpus/': CORPUS, '/fixtures/': 'tests/fixtures/pages', '/generated/': PAGES });
  const out: Record<string, Record<string, number>> = {};
  try {
    for (const [index, [label, code]] of Object.entries(PLAIN_SCRIPTS).entries()) {
      const extension = resolve(PAGES, `plain-extension-${index}`);
      mkdirSync(extension, { recursive: true });
      writeFileSync(
        join(extension, 'manifest.json'),
        JSON.stringify({
          manifest_version: 3,
          name: 'plain',
          version: '1',
          content_scripts: [{ matches: ['http://*/*'], js: ['plain.js'], run_at: 'document_idle' }],
        }),
      );
      writeFileSync(join(extension, 'plain.js'), code);
      const context = await chromium.launchPersistentContext(join(PAGES, `profile-plain-${index}-${Date.now()}`), {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
        viewport: { width: 1100, height: 900 },
      });
      const times: Record<string, number> = {};
      try {
        for (const path of paths) {
          const page = await context.newPage();
          const { evaluated } = await tracedVisit(context, page, `${server.origin}${path}`, ['plain.js'], () => page.waitForTimeout(300).then(() => true));
          if (evaluated['plain.js'] !== undefined) times[path] = evaluated['plain.js'];
          await page.close();
        }
      } finally {
        await context.close();
      }
      out[label] = times;
    }
  } finally {
    await server.close();
  }
  return out;
}

async function measurePages(pages: { path: string; kind: PageResult['kind'] }[]): Promise<PageResult[]> {
  const server = await serveFolders({ '/corpus/': CORPUS, '/fixtures/': 'tests/fixtures/pages', '/generated/': PAGES });
  const readability = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
  const markJs = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
  const profile = join(PAGES, `profile-${Date.now()}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${BENCH_BUILD}`, `--load-extension=${BENCH_BUILD}`],
    viewport: { width: 1100, height: 900 },
  });
  const results: PageResult[] = [];
  try {
    for (const { path, kind } of pages) {
      const page = await context.newPage();
      const { done, evaluated } = await tracedVisit(context, page, `${server.origin}${path}`, SCRIPTS, () =>
        page
          .waitForFunction(
            // No helper function inside: tsx would wrap it in a __name() call the page does not have.
            () => performance.getEntriesByType('measure').some((m) => m.name.startsWith('counterframe:refused') || m.name === 'counterframe:show'),
            null,
            { timeout: 30_000, polling: 50 },
          )
          .then(
            () => true,
            () => false,
          ),
      );
      if (!done) {
        console.error(`bench: the extension did not finish on ${path}`);
        await page.close();
        continue;
      }
      const ours = await page.evaluate(() => {
        const stages: Record<string, number> = {};
        const longest: Record<string, number> = {};
        for (const entry of performance.getEntriesByType('measure')) {
          if (!entry.name.startsWith('counterframe:')) continue;
          const stage = entry.name.slice('counterframe:'.length);
          stages[stage] = (stages[stage] ?? 0) + entry.duration;
          longest[stage] = Math.max(longest[stage] ?? 0, entry.duration);
        }
        const away = performance.getEntriesByName('counterframe:away')[0] as PerformanceMark | undefined;
        const awayStages = away ? (away.detail as Record<string, number>) : null;
        const awayMs = awayStages ? Object.values(awayStages).reduce((a, b) => a + b, 0) : null;
        const show = performance.getEntriesByName('counterframe:show')[0];
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const loadToPaintMs = show && navigation ? show.startTime + show.duration - navigation.loadEventEnd : null;
        const readabilityRan = away ? 'extract' in (away.detail as Record<string, number>) : false;
        const ranges = [
          ...((CSS.highlights.get('counterframe-uses') as unknown as Iterable<Range>) ?? []),
          ...((CSS.highlights.get('counterframe-critiques') as unknown as Iterable<Range>) ?? []),
        ];
        return { stages, longest, awayMs, awayStages, loadToPaintMs, readabilityRan, highlights: ranges.length };
      });
      // Side by side, on the same page: Readability alone, as a reading mode would run it.
      await page.addScriptTag({ content: readability });
      const readabilityTimes = await page.evaluate(() => {
        const start = performance.now();
        const copy = document.cloneNode(true);
        const cloned = performance.now();
        new (window as any).Readability(copy).parse();
        return { cloneAndParse: performance.now() - start, parse: performance.now() - cloned };
      });
      let markJsMs: number | null = null;
      if (ours.highlights > 0) {
        await page.addScriptTag({ content: markJs });
        markJsMs = await page.evaluate(() => {
          // The same ranges, as character offsets in the body's text, which is what mark.js takes.
          const ranges = [
            ...(CSS.highlights.get('counterframe-uses') as unknown as Iterable<Range>),
            ...((CSS.highlights.get('counterframe-critiques') as unknown as Iterable<Range>) ?? []),
          ];
          const before = document.createRange();
          const offsets = ranges.map((r) => {
            before.setStart(document.body, 0);
            before.setEnd(r.startContainer, r.startOffset);
            return { start: before.toString().length, length: r.toString().length };
          });
          const start = performance.now();
          new (window as any).Mark(document.body).markRanges(offsets);
          return performance.now() - start;
        });
      }
      const evaluateMs = Object.values(evaluated).reduce((a, b) => a + b, 0);
      const tasks = [...(ours.stages.packs === undefined ? [] : GATE_TASKS), ...HIGHLIGHTER_TASKS];
      const extensionMs = evaluateMs + tasks.reduce((sum, task) => sum + (ours.stages[task] ?? 0), 0);
      results.push({
        page: path,
        kind,
        highlights: ours.highlights,
        extensionMs,
        longestTaskMs: Math.max(...tasks.map((task) => ours.longest[task] ?? 0), ...Object.values(evaluated)),
        awayMs: ours.awayMs,
        awayStages: ours.awayStages,
        loadToPaintMs: ours.loadToPaintMs,
        readabilityRan: ours.readabilityRan,
        stages: { ...ours.stages, ...Object.fromEntries(Object.entries(evaluated).map(([script, ms]) => [`evaluate ${script}`, ms])) },
        readabilityMs: readabilityTimes.cloneAndParse,
        readabilityParseMs: readabilityTimes.parse,
        paintMs: ours.highlights > 0 ? (ours.stages.paint ?? 0) : null,
        markJsMs,
      });
      await page.close();
    }
  } finally {
    await context.close();
    await server.close();
  }
  return results;
}

/** The library with each claim copied `factor` times under made-up trigger words: as many patterns, none hit. */
/** A pattern's words made up for copy `copy` of a claim: as many patterns, none of them hit. */
const madeUp = (pattern: string, copy: number) => pattern.replace(/[a-z]{3,}/g, (w) => `${w.slice(0, 3)}${copy.toString(36)}`);

function scaledLibrary(factor: number): ClaimLibrary {
  const frames = bundledLibrary.frames.map((frame) => ({
    ...frame,
    claims: frame.claims.flatMap((claim) =>
      Array.from({ length: factor }, (_, copy) =>
        copy === 0
          ? claim
          : {
              ...claim,
              id: `${claim.id}-x${copy}`,
              triggers: claim.triggers.map((t) => madeUp(t, copy)),
              ...(claim.looseTriggers && { looseTriggers: claim.looseTriggers.map((t) => madeUp(t, copy)) }),
            },
      ),
    ),
  }));
  return { ...bundledLibrary, frames };
}

function timeMatcher(libraryFactor: number, passages: Passage[]): number {
  const compiled = compileLibrary(scaledLibrary(libraryFactor));
  matchPassages(compiled, passages); // warm up
  const runs = Array.from({ length: 7 }, () => {
    const start = performance.now();
    matchPassages(compiled, passages);
    return performance.now() - start;
  });
  return median(runs);
}

function matcherScaling() {
  const html = readFileSync('tests/fixtures/pages/arms-race/source.html', 'utf8');
  const dom = new JSDOM(html, { url: 'https://bench.invalid/', virtualConsole: new VirtualConsole() });
  const article = extractArticle(dom.window.document)!;
  const repeat = (n: number): Passage[] => {
    const out: Passage[] = [];
    let offset = 0;
    for (let i = 0; i < n; i++) for (const p of article.passages) out.push({ text: p.text, start: (offset += p.text.length + 2) });
    return out;
  };
  const base = repeat(10);
  const library = Object.fromEntries([1, 10, 100].map((f) => [`${f}x`, timeMatcher(f, base)]));
  const length = Object.fromEntries([10, 20, 40, 80].map((n) => [`${n / 10}x`, timeMatcher(1, repeat(n))]));
  return { articleChars: base.reduce((a, p) => a + p.text.length, 0), libraryMs: library, lengthMs: length };
}

/** What the stance model adds to the build: its weights and its character table, as they are bundled (minified); its code is a few KB. */
function stanceSizes() {
  const files = ['src/stance/weights.json', 'src/stance/traditional.json'];
  const data = files.map((file) => JSON.stringify(JSON.parse(readFileSync(file, 'utf8')))).join('');
  return { bytes: Buffer.byteLength(data), gzipBytes: gzipSync(data).length, files };
}

function contentScriptSize() {
  // The script on every page; the highlighter (highlighter.js) loads only where the gate passes.
  const file = '.output/chrome-mv3/gate.js';
  const bytes = statSync(file).size;
  return { bytes, gzipBytes: gzipSync(readFileSync(file)).length };
}

async function main(): Promise<void> {
  if (!statSync(CORPUS, { throwIfNoEntry: false })) throw new Error(`the corpus is missing: expected it at ${CORPUS} (set COUNTERFRAME_SHARED)`);
  ensureBrowsers([CHROMIUM_PATH]);
  console.log('Building the extension and its benchmark build…');
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('npx', ['wxt', 'build', '--mode', 'bench'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const pages = preparePages();
  console.log(`Measuring ${pages.length} pages in Chromium${QUICK ? ` (--quick: one corpus page in ${QUICK_SHARE})` : ''}…`);
  const results = await measurePages(pages);
  const matcher = matcherScaling();
  const size = contentScriptSize();

  console.log(
    `\n${'page'.padEnd(58)}${'hl'.padStart(4)}${'ext ms'.padStart(9)}${'long ms'.padStart(9)}${'away ms'.padStart(9)}${'readab ms'.padStart(11)}${'paint'.padStart(8)}${'mark.js'.padStart(9)}`,
  );
  for (const r of results) {
    console.log(
      `${r.page.slice(0, 57).padEnd(58)}${String(r.highlights).padStart(4)}${fmt(r.extensionMs).padStart(9)}${fmt(r.longestTaskMs).padStart(9)}${fmt(r.awayMs).padStart(9)}${fmt(r.readabilityMs).padStart(11)}${fmt(r.paintMs).padStart(8)}${fmt(r.markJsMs).padStart(9)}`,
    );
  }
  const without = results.filter((r) => r.highlights === 0);
  // The issue's "page without trigger words": the gate script found none of the library's words.
  const noTrigger = results.filter((r) => r.stages['refused no-trigger-words'] !== undefined);
  console.log('Measuring plain content scripts that read the page, on those pages…');
  // Each plain script is an extension of its own, started anew for each page: --quick measures a few.
  const plain = await measurePlainScripts(noTrigger.map((r) => r.page).slice(0, QUICK ? QUICK_PLAIN_PAGES : undefined));
  const withMatches = results.filter((r) => r.highlights > 0);
  const ratios = (rows: PageResult[], f: (r: PageResult) => number | null) => rows.map(f).filter((x): x is number => x !== null && Number.isFinite(x));
  const summary = {
    pages: results.length,
    withoutTriggerWords: {
      count: noTrigger.length,
      extensionMs: {
        median: median(ratios(noTrigger, (r) => r.extensionMs)),
        p95: quantile(
          ratios(noTrigger, (r) => r.extensionMs),
          0.95,
        ),
        max: Math.max(...ratios(noTrigger, (r) => r.extensionMs)),
      },
      // The issue's measure for these pages: Readability's parse() alone, without the clone.
      ratioToReadabilityParse: { median: median(ratios(noTrigger, (r) => r.extensionMs / r.readabilityParseMs)), target: 0.1 },
      ratioToReadability: { median: median(ratios(noTrigger, (r) => r.extensionMs / r.readabilityMs)) },
      readabilityRan: noTrigger.filter((r) => r.readabilityRan).length,
      plainScripts: Object.fromEntries(
        Object.entries(plain).map(([label, times]) => [
          label,
          {
            ms: median(Object.values(times)),
            ratioToReadabilityParse: median(
              ratios(noTrigger, (r) => {
                const ms = times[r.page];
                return ms === undefined ? null : ms / r.readabilityParseMs;
              }),
            ),
          },
        ]),
      ),
    },
    withoutMatches: {
      count: without.length,
      ratioToReadability: { median: median(ratios(without, (r) => r.extensionMs / r.readabilityMs)) },
      // Pages with the words the claims need but no match: the reader loaded, and the gate away from the page let some on to Readability.
      readabilityRan: without.filter((r) => r.readabilityRan).length,
    },
    withMatches: {
      count: withMatches.length,
      ratioToReadability: { median: median(ratios(withMatches, (r) => r.extensionMs / r.readabilityMs)), target: 1.25 },
      paintToMarkJs: { median: median(ratios(withMatches, (r) => (r.markJsMs ? r.paintMs! / r.markJsMs : null))), target: 0.5 },
    },
    longestTaskMs: {
      median: median(ratios(results, (r) => r.longestTaskMs)),
      p95: quantile(
        ratios(results, (r) => r.longestTaskMs),
        0.95,
      ),
      max: Math.max(...ratios(results, (r) => r.longestTaskMs)),
      target: 50,
    },
    awayMs: { median: median(ratios(results, (r) => r.awayMs)), max: Math.max(...ratios(results, (r) => r.awayMs)) },
    readabilityMs: {
      median: median(ratios(results, (r) => r.readabilityMs)),
      p90: quantile(
        ratios(results, (r) => r.readabilityMs),
        0.9,
      ),
      max: Math.max(...ratios(results, (r) => r.readabilityMs)),
    },
    readabilityParseMs: {
      median: median(ratios(results, (r) => r.readabilityParseMs)),
      p90: quantile(
        ratios(results, (r) => r.readabilityParseMs),
        0.9,
      ),
      max: Math.max(...ratios(results, (r) => r.readabilityParseMs)),
    },
    matcher: { ...matcher, ratio100xTo1x: matcher.libraryMs['100x']! / matcher.libraryMs['1x']!, target: 3 },
    contentScript: { ...size, targetBytes: 80 * 1024 },
    judgement: {
      // Matching with the stance model's judgements, in the offscreen document, on pages Readability read.
      perArticleMs: {
        median: median(ratios(results, (r) => r.awayStages?.match ?? null)),
        p95: quantile(
          ratios(results, (r) => r.awayStages?.match ?? null),
          0.95,
        ),
      },
      modelLoadMs: Math.max(0, ...ratios(results, (r) => r.awayStages?.model ?? null)),
      loadToPaintMs: {
        median: median(ratios(withMatches, (r) => r.loadToPaintMs)),
        p95: quantile(
          ratios(withMatches, (r) => r.loadToPaintMs),
          0.95,
        ),
      },
      sizes: stanceSizes(),
    },
  };
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`\nTargets (ratios from this run):`);
  const noTriggerRatio = summary.withoutTriggerWords.ratioToReadabilityParse.median;
  console.log(
    `  pages without trigger words (${noTrigger.length}): extension / Readability's parse, median ${fmt(noTriggerRatio)} (target <= 0.10): ${verdict(noTriggerRatio <= 0.1)}; Readability ran on ${summary.withoutTriggerWords.readabilityRan} of them; / clone + parse, median ${fmt(summary.withoutTriggerWords.ratioToReadability.median)}`,
  );
  console.log(
    `    for scale, the extension's own gate script costs ${fmt(summary.withoutTriggerWords.extensionMs.median)} ms median there; plain content scripts on the same pages:`,
  );
  for (const [label, { ms, ratioToReadabilityParse }] of Object.entries(summary.withoutTriggerWords.plainScripts)) {
    console.log(`      ${label}: ${fmt(ms)} ms median, ${fmt(ratioToReadabilityParse)} x Readability's parse`);
  }
  console.log(
    `  pages with some trigger words but no match (${without.length - noTrigger.length} more): the reader loaded, and the gate away from the page let Readability run on ${summary.withoutMatches.readabilityRan}; all pages without highlights: median ${fmt(summary.withoutMatches.ratioToReadability.median)} x Readability`,
  );
  console.log(
    `  pages with matches: extension / Readability, median ${fmt(summary.withMatches.ratioToReadability.median)} (target <= 1.25): ${verdict(summary.withMatches.ratioToReadability.median <= 1.25)}`,
  );
  console.log(
    `  painting / mark.js on the same ranges, median ${fmt(summary.withMatches.paintToMarkJs.median)} (target <= 0.5): ${verdict(summary.withMatches.paintToMarkJs.median <= 0.5)}`,
  );
  console.log(
    `  longest task of the extension: median ${fmt(summary.longestTaskMs.median)} ms, p95 ${fmt(summary.longestTaskMs.p95)} ms, max ${fmt(summary.longestTaskMs.max)} ms (target <= 50 ms): ${verdict(summary.longestTaskMs.max <= 50)}`,
  );
  console.log(
    `  matcher at 100x the library / 1x: ${fmt(summary.matcher.ratio100xTo1x)} (target <= 3): ${verdict(summary.matcher.ratio100xTo1x <= 3)}; by article length ${JSON.stringify(Object.fromEntries(Object.entries(matcher.lengthMs).map(([k, v]) => [k, Number(v.toFixed(2))])))} ms`,
  );
  console.log(
    `  content script: ${(size.bytes / 1024).toFixed(1)} KB minified, ${(size.gzipBytes / 1024).toFixed(1)} KB gzipped (target <= 80 KB): ${verdict(size.bytes <= 80 * 1024)}`,
  );
  console.log(
    `  reading away from the page (offscreen document: parse, gate, Readability, matching): median ${fmt(summary.awayMs.median)} ms, max ${fmt(summary.awayMs.max)} ms, none of it on the page's main thread`,
  );
  console.log(
    `  for scale, Readability here: clone + parse median ${fmt(summary.readabilityMs.median)} ms, p90 ${fmt(summary.readabilityMs.p90)} ms, max ${fmt(summary.readabilityMs.max)} ms; parse alone median ${fmt(summary.readabilityParseMs.median)} ms, p90 ${fmt(summary.readabilityParseMs.p90)} ms, max ${fmt(summary.readabilityParseMs.max)} ms`,
  );
  const { judgement } = summary;
  console.log(
    `  judgement (matching with the stance model, offscreen): median ${fmt(judgement.perArticleMs.median)} ms, p95 ${fmt(judgement.perArticleMs.p95)} ms an article; the model loads once in ${fmt(judgement.modelLoadMs)} ms; it adds ${(judgement.sizes.bytes / 1024).toFixed(1)} KB (${(judgement.sizes.gzipBytes / 1024).toFixed(1)} KB gzipped) to the offscreen script, nothing to the scripts on pages`,
  );
  console.log(
    `  from the page's load event to its highlights painted (pages with matches): median ${fmt(judgement.loadToPaintMs.median)} ms, p95 ${fmt(judgement.loadToPaintMs.p95)} ms`,
  );
  console.log('Timing the command line…');
  const commandLine = commandLineFigures(CORPUS, QUICK ? 300 : 10_000);
  printCommandLineFigures(commandLine);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'bench.json'), `${JSON.stringify({ quick: QUICK, summary, commandLine, pages: results }, null, 2)}\n`);
  console.log(`\nWrote ${OUT}/bench.json`);
}

main().catch((error) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(1);
});
