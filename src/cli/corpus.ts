import { createReadStream, createWriteStream, existsSync, openSync, closeSync, readSync, fstatSync, ftruncateSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { corpusPages, inShard, type CorpusPage } from './corpus-inputs';
import type { WorkerAnswer } from './corpus-worker';
import { corpusSummary, type CorpusRow } from './corpus-summary';
import { corpusReportHtml } from './corpus-report';
import { progress } from './progress';
import { InputError, plainError } from './read-input';

export interface CorpusOptions {
  input: string;
  out: string;
  summary?: string;
  report?: string;
  /** Worker threads; all cores by default. */
  jobs?: number;
  shard: { index: number; count: number };
}

/** Each JSON line of an output file, streamed. */
async function* outputRows(out: string): AsyncGenerator<CorpusRow> {
  if (!existsSync(out)) return;
  for await (const line of createInterface({ input: createReadStream(out), crlfDelay: Infinity })) if (line.trim() !== '') yield JSON.parse(line) as CorpusRow;
}

/** Where a file's last whole line ends: after its last newline, read back from the end a block at a time. */
function endOfLastLine(fd: number, size: number): number {
  const block = Buffer.alloc(64 * 1024);
  for (let end = size; end > 0; end -= block.length) {
    const start = Math.max(0, end - block.length);
    readSync(fd, block, 0, end - start, start);
    const at = block.subarray(0, end - start).lastIndexOf(0x0a);
    if (at >= 0) return start + at + 1;
  }
  return 0;
}

/**
 * The pages an earlier run wrote to `out` already. A run stopped mid-line leaves a last line without
 * its newline: it is cut, and that page read again.
 */
async function pagesDone(out: string): Promise<Set<string>> {
  const done = new Set<string>();
  if (!existsSync(out)) return done;
  const fd = openSync(out, 'r+');
  try {
    const size = fstatSync(fd).size;
    const cut = endOfLastLine(fd, size);
    if (cut < size) ftruncateSync(fd, cut);
  } finally {
    closeSync(fd);
  }
  try {
    for await (const row of outputRows(out)) done.add(row.file);
  } catch {
    throw new InputError(`${out} is not a JSONL file this wrote (a line is not JSON); give another --out`);
  }
  return done;
}

/** The pages this run is to read: in the shard, and not done already. */
async function* pagesToRead(options: CorpusOptions, done: Set<string>): AsyncGenerator<CorpusPage> {
  for await (const page of corpusPages(options.input)) if (inShard(page, options.shard) && !done.has(page.file)) yield page;
}

// The command line runs its TypeScript through tsx, which a worker thread does not inherit: each registers it first.
const WORKER = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(import.meta.resolve('./corpus-worker.ts'))}, __filename))`;

// A worker is replaced after this many pages, so that whatever a page's reading leaves behind in it
// (jsdom's, V8's) cannot pile up over a long run: memory stays bounded however large the corpus.
const PAGES_PER_WORKER = 250;

/** A worker thread, asked one page at a time, and replaced now and then (PAGES_PER_WORKER). */
function pageReader(): { read(page: CorpusPage): Promise<WorkerAnswer>; stop(): Promise<void> } {
  let worker: Worker | undefined;
  let pages = 0;
  return {
    async read(page) {
      if (worker && pages >= PAGES_PER_WORKER) {
        await worker.terminate();
        worker = undefined;
      }
      if (!worker) {
        worker = new Worker(WORKER, { eval: true });
        pages = 0;
      }
      pages++;
      const current = worker;
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        current.once('error', onError);
        current.once('message', (answer: WorkerAnswer) => {
          current.off('error', onError);
          resolve(answer);
        });
        current.postMessage(page);
      });
    },
    stop: async () => void (await worker?.terminate()),
  };
}

function writeText(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw plainError(error, file);
  }
}

/**
 * `annotate --corpus`: every page of a folder or a JSONL file, read on worker threads, one JSON line
 * each appended to --out as it is done (never the whole corpus in memory), then the summary and the
 * report of the whole output. 0 when every page was read, 1 when some could not be (each is named).
 */
export async function runCorpus(options: CorpusOptions): Promise<number> {
  const done = await pagesDone(options.out);
  let total = 0;
  for await (const _ of pagesToRead(options, done)) total++;
  const output = createWriteStream(options.out, { flags: 'a' });
  await new Promise<void>((resolve, reject) => output.once('open', () => resolve()).once('error', (error) => reject(plainError(error, options.out))));
  const shown = progress(process.stderr, total);
  const pages = pagesToRead(options, done);
  const jobs = Math.min(options.jobs ?? availableParallelism(), Math.max(total, 1));
  const readers = Array.from({ length: jobs }, pageReader);
  let problems = 0;
  const started = performance.now();
  try {
    await Promise.all(
      readers.map(async (reader) => {
        for (let next = await pages.next(); !next.done; next = await pages.next()) {
          const page = next.value;
          const answer = page.problem ? { problem: `${page.file} ${page.problem}` } : await reader.read(page);
          if ('line' in answer) {
            if (!output.write(`${answer.line}\n`)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
          } else {
            problems++;
            shown.note(`annotate: ${answer.problem}`);
          }
          shown.tick();
        }
      }),
    );
  } finally {
    await Promise.all(readers.map((r) => r.stop()));
    await new Promise<void>((resolve) => output.end(() => resolve()));
  }
  const seconds = (performance.now() - started) / 1000;
  shown.end(
    `${total - problems} pages read in ${seconds.toFixed(1)} s (${((total - problems) / Math.max(seconds, 0.001)).toFixed(1)} pages/s on ${jobs} thread${jobs === 1 ? '' : 's'})` +
      `${done.size > 0 ? `, ${done.size} already in ${options.out}` : ''}${problems > 0 ? `, ${problems} could not be read` : ''}; peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
  if (options.summary || options.report) {
    const summary = await corpusSummary(outputRows(options.out));
    if (options.summary) writeText(options.summary, summary.csv());
    if (options.report) writeText(options.report, corpusReportHtml(summary));
  }
  return problems > 0 ? 1 : 0;
}
