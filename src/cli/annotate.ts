/**
 * `npm run annotate -- [--json] FILE.html` and `npm run annotate -- [--json] --sentences FILE.txt`:
 * what the extension would flag on a saved page, or on one passage per line. `-` reads standard input.
 */
import { readFileSync } from 'node:fs';
import { analyzeLines } from '../pipeline/analyze';
import { bundledLibrary } from '../claims/library';
import { compileLibrary } from '../match/compile';
import { reportPage } from './page-report';
import { formatLines, formatReport } from './report';

class UsageError extends Error {}

const USAGE = 'usage: annotate [--json] FILE.html | annotate [--json] --sentences FILE.txt   (FILE may be - for standard input)';

function parseArgs(argv: string[]): { json: boolean; sentences: boolean; file: string } {
  let json = false;
  let sentences = false;
  const files: string[] = [];
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '--sentences') sentences = true;
    else if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}; ${USAGE}`);
    else files.push(arg);
  }
  const [file, ...others] = files;
  if (file === undefined) throw new UsageError(`no file given; ${USAGE}`);
  if (others.length > 0) throw new UsageError(`one file at a time; ${USAGE}`);
  return { json, sentences, file };
}

/** Reads a file (or standard input) as UTF-8, refusing binary data with a clear message. */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes.includes(0)) throw new Error(`cannot parse ${file}: it is binary, not text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new Error(`cannot parse ${file}: it is not UTF-8 text`);
  }
}

function main(argv: string[]): number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
    const text = readText(args.file);
    if (args.sentences) {
      const results = analyzeLines(
        text.split(/\r?\n/).filter((line, i, all) => line !== '' || i < all.length - 1),
        compileLibrary(bundledLibrary),
      );
      process.stdout.write(args.json ? results.map((r) => JSON.stringify(r)).join('\n') + (results.length ? '\n' : '') : formatLines(results));
    } else {
      const report = reportPage(text);
      process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : formatReport(report));
    }
    return 0;
  } catch (error) {
    process.stderr.write(`annotate: ${(error as Error).message}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
