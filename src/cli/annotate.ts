/**
 * `npm run annotate`: what the extension would flag on a saved page, on one passage per line, or on
 * a whole corpus of pages (corpus.ts). See USAGE.
 */
import { basename } from 'node:path';
import { analyzeLines } from '../pipeline/analyze';
import { bundledLibrary } from '../claims/library';
import { cardLibraryFor } from '../card/card-view';
import { compileLibrary } from '../match/compile';
import { inEnglish } from '../platform/i18n-messages';
import { buildReport } from '../report/model';
import { reportHtml } from '../report/html';
import { reportMarkdown } from '../report/markdown';
import { runCorpus, type CorpusOptions } from './corpus';
import { readPage } from './page-report';
import { InputError, readText } from './read-input';
import { formatLines, formatReport } from './report';

const USAGE = `usage:
  annotate [--format text|json|md|html] FILE.html     what the extension would flag on a saved page
  annotate [--format text|json] --sentences FILE.txt  the same on each line, as a passage of its own
  annotate --corpus DIR|FILE.jsonl --out FILE.jsonl [--summary FILE.csv] [--report FILE.html]
           [--jobs N] [--shard I/N]                   every .html page under DIR, or each {"url","date","html"} line
FILE may be - for standard input; --json is --format json. --out is appended to: pages already in it are skipped.
--jobs: worker threads (all cores by default); --shard I/N: only the I-th of N shares of the pages (1 ≤ I ≤ N).
`;

const FORMATS = ['text', 'json', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];

type Args = { mode: 'help' } | { mode: 'page'; format: Format; sentences: boolean; file: string } | ({ mode: 'corpus' } & CorpusOptions);

class UsageError extends Error {}

const VALUED = ['--format', '--corpus', '--out', '--summary', '--report', '--jobs', '--shard'];

function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [name, inline] = equals > 0 ? [arg.slice(0, equals), arg.slice(equals + 1)] : [arg, undefined];
    if (name === '--help' || name === '-h') return { mode: 'help' };
    if (VALUED.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    } else if (name === '--json' || name === '--sentences') flags.add(name);
    else if (name.startsWith('--')) throw new UsageError(`there is no option ${name}`);
    else files.push(arg);
  }
  const format = values.get('--format') ?? (flags.has('--json') ? 'json' : 'text');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format is one of ${FORMATS.join(', ')}, not ${format}`);
  const corpus = values.get('--corpus');
  if (corpus !== undefined) return { mode: 'corpus', ...corpusOptions(corpus, values, files) };
  for (const name of VALUED.slice(2)) if (values.has(name)) throw new UsageError(`${name} goes with --corpus`);
  const sentences = flags.has('--sentences');
  if (sentences && (format === 'md' || format === 'html')) throw new UsageError('--sentences reports as text or json only');
  const [file, ...others] = files;
  if (file === undefined) throw new UsageError('no file given');
  if (others.length > 0) throw new UsageError('one file at a time (--corpus reads many)');
  return { mode: 'page', format: format as Format, sentences, file };
}

function corpusOptions(input: string, values: Map<string, string>, files: string[]): CorpusOptions {
  if (files.length > 0) throw new UsageError(`--corpus reads its pages from ${input}; ${files[0]} is one file too many`);
  const out = values.get('--out');
  if (out === undefined) throw new UsageError('--corpus needs --out FILE.jsonl');
  const jobsText = values.get('--jobs');
  const jobs = jobsText === undefined ? undefined : Number(jobsText);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs is a whole number of at least 1, not ${jobsText}`);
  const shardText = values.get('--shard') ?? '1/1';
  const shard = /^(\d+)\/(\d+)$/.exec(shardText);
  const [index, count] = shard ? [Number(shard[1]), Number(shard[2])] : [0, 0];
  if (!(count >= 1 && index >= 1 && index <= count)) throw new UsageError(`--shard is I/N with 1 ≤ I ≤ N, such as 2/8, not ${shardText}`);
  return { input, out, summary: values.get('--summary'), report: values.get('--report'), jobs, shard: { index, count } };
}

function annotatePage({ format, sentences, file }: Extract<Args, { mode: 'page' }>): string {
  const text = readText(file, { page: !sentences });
  if (sentences) {
    const compiled = compileLibrary(bundledLibrary);
    const results = analyzeLines(
      text.split(/\r?\n/).filter((line, i, all) => line !== '' || i < all.length - 1),
      compiled,
    );
    if (format === 'json') return results.map((r) => `${JSON.stringify(r)}\n`).join('');
    return formatLines(
      results,
      cardLibraryFor(
        compiled,
        results.flatMap((r) => r.matches),
      ),
    );
  }
  const { page, cards } = readPage(text);
  if (format === 'json') return `${JSON.stringify(page)}\n`;
  const report = buildReport({
    title: page.title,
    address: file === '-' ? '(standard input)' : basename(file),
    readAt: new Date(),
    matches: page.matches,
    cards,
  });
  if (format === 'md') return reportMarkdown(report, inEnglish);
  if (format === 'html') return reportHtml(report, inEnglish);
  return formatReport(report, page.readerable);
}

async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.mode === 'help') process.stdout.write(USAGE);
    else if (args.mode === 'page') process.stdout.write(annotatePage(args));
    else return await runCorpus(args);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof InputError)) throw error;
    process.stderr.write(`annotate: ${error.message}\n${error instanceof UsageError ? 'annotate --help shows how it is used\n' : ''}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
