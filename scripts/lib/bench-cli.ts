import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hugeArticle } from './huge-article';

const TIME = '/usr/bin/time';

/** One run of the command line, timed by GNU time: wall-clock seconds and peak resident memory (all threads). */
function timed(args: string[]): { seconds: number; peakMB: number } {
  const run = spawnSync(TIME, ['-f', 'bench %e %M', process.execPath, '--import', 'tsx', 'src/cli/annotate.ts', ...args], { encoding: 'utf8' });
  const figures = /^bench ([\d.]+) (\d+)$/m.exec(run.stderr);
  if (!figures || (run.status !== 0 && run.status !== 1)) throw new Error(`annotate ${args.join(' ')} failed: ${run.stderr.slice(-500)}`);
  return { seconds: Number(figures[1]), peakMB: Math.round(Number(figures[2]) / 1024) };
}

/**
 * The command line's figures: pages per second on one core over the corpus, the speed-up from one
 * worker thread to two, the peak memory of the corpus mode on `manyPages` inputs (the corpus's pages,
 * linked over and over), and the 5 MB page's time and memory. Each is one whole run, its start-up included.
 */
export function commandLineFigures(corpus: string, manyPages = 10_000) {
  if (!existsSync(TIME)) throw new Error(`the command line's figures need GNU time at ${TIME} (apt-get install time)`);
  const dir = mkdtempSync(join(tmpdir(), 'counterframe-bench-cli-'));
  try {
    const pages = readdirSync(corpus).map((name) => resolve(corpus, name, 'source.html'));
    const one = timed(['--corpus', corpus, '--out', join(dir, 'one.jsonl'), '--jobs', '1']);
    const two = timed(['--corpus', corpus, '--out', join(dir, 'two.jsonl'), '--jobs', '2']);
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < manyPages; i++) symlinkSync(pages[i % pages.length]!, join(many, `${String(i).padStart(5, '0')}.html`));
    const all = timed(['--corpus', many, '--out', join(dir, 'many.jsonl')]);
    const huge = join(dir, 'huge.html');
    writeFileSync(huge, hugeArticle());
    const hugePage = timed(['--json', huge]);
    return {
      corpusPages: pages.length,
      pagesPerSecondPerCore: pages.length / one.seconds,
      speedUpOneToTwoJobs: one.seconds / two.seconds,
      manyPages: { pages: manyPages, ...all, pagesPerSecond: manyPages / all.seconds },
      hugePage,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printCommandLineFigures(f: ReturnType<typeof commandLineFigures>): void {
  console.log(
    `  command line: ${f.pagesPerSecondPerCore.toFixed(1)} pages/s per core on the ${f.corpusPages} corpus pages, ${f.speedUpOneToTwoJobs.toFixed(2)}x from 1 to 2 jobs; ` +
      `${f.manyPages.pages} pages in ${f.manyPages.seconds.toFixed(0)} s on all cores, peak memory ${f.manyPages.peakMB} MB; the 5 MB page in ${f.hugePage.seconds.toFixed(1)} s, peak memory ${f.hugePage.peakMB} MB`,
  );
}
