/** `npm run lint:claims [DIR | FILE.json]`: checks a claim library folder (the bundled one by default), or one claim pack. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLibrary, curationProblems, formatProblem } from '../claims/lint';
import { BUNDLED_FRAME_FILES } from '../claims/library';
import { checkPack } from '../claims/packs';
import { checkQuote, storedText } from '../claims/quote-check';
import { plainError } from './read-input';
import type { LibraryFiles, Problem } from '../claims/schema';
import type { ClaimLibrary } from '../claims/types';

const BUNDLED_DIR = fileURLToPath(new URL('../claims', import.meta.url));

/** Reads a library folder (frames/*.json, counterpoints.json, cues.json); unreadable JSON is a problem too. */
export function readLibraryDir(dir: string): { files?: LibraryFiles; problems: Problem[] } {
  const problems: Problem[] = [];
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push({
        file,
        field: '(file)',
        message: error instanceof SyntaxError ? `is not valid JSON: ${error.message}` : `cannot be read: ${(error as Error).message}`,
      });
      return undefined;
    }
  };
  let frameNames: string[] = [];
  try {
    frameNames = readdirSync(join(dir, 'frames'))
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (error) {
    problems.push({ file: 'frames/', field: '(folder)', message: `cannot be read: ${(error as Error).message}` });
  }
  const files: LibraryFiles = {
    frames: frameNames.map((name) => ({ file: `frames/${name}`, data: read(`frames/${name}`) })),
    counterpoints: { file: 'counterpoints.json', data: read('counterpoints.json') },
    cues: { file: 'cues.json', data: read('cues.json') },
  };
  return problems.length > 0 ? { problems } : { files, problems };
}

/** The seed articles beside the project (../shared/seeds), where developers and CI have them. */
const SEEDS_DIR = join(resolve(process.env.COUNTERFRAME_SHARED ?? '../shared'), 'seeds');

/** Each source whose text is stored, by its title, and the file that holds the text. */
const STORED_SOURCES: Record<string, string> = {
  'The U.S. and China Are Pursuing Different AI Futures': '000_e3c6f2119c810c05.repaired-utf8.txt',
  'The Great Divergence: How Beijing and Washington Are Running Two Different AI Races': '003_1f9490e3b794c15f.txt',
};

/**
 * Each quote against the stored text of its source, from `seeds` (a folder holding the files of
 * STORED_SOURCES). A quote whose source has no stored text cannot be checked, which is a problem too.
 */
function quoteProblems(library: ClaimLibrary, counterpointsFile: string, seeds: string, stored: Record<string, string> = STORED_SOURCES): Problem[] {
  const texts = new Map<string, string>();
  const textOf = (file: string) => {
    if (!texts.has(file)) texts.set(file, storedText(readFileSync(join(seeds, file), 'utf8')));
    return texts.get(file)!;
  };
  const problems: Problem[] = [];
  library.counterpoints.forEach((point, k) => {
    const { quote, title } = point.source;
    if (!quote) return;
    const file = stored[title];
    const verdict = !file
      ? { ok: false, message: `cannot be checked: no stored text of "${title}" (STORED_SOURCES in src/cli/lint-claims.ts)` }
      : !existsSync(join(seeds, file))
        ? { ok: false, message: `cannot be checked: its source's stored text, ${join(seeds, file)}, is missing` }
        : checkQuote(quote, textOf(file));
    if (!verdict.ok)
      problems.push({ file: counterpointsFile, field: `${k}.source.quote`, message: `counterpoint "${point.id}": the quote ${verdict.message}` });
  });
  return problems;
}

/** What lint:claims found, and what it could not check (and why). */
export interface LintReport {
  problems: Problem[];
  skipped: string[];
}

/** Every check of a library folder; `seeds` and `stored` say where its sources' texts are (see quoteProblems). */
export function lintDir(dir: string, seeds: string = SEEDS_DIR, stored: Record<string, string> = STORED_SOURCES): LintReport {
  const { files, problems } = readLibraryDir(dir);
  if (!files) return { problems, skipped: [] };
  const { library, problems: found } = checkLibrary(files);
  const skipped: string[] = [];
  if (library) {
    const frameFiles = files.frames.map((f) => f.file);
    found.push(...curationProblems(library, frameFiles, files.counterpoints.file));
    if (existsSync(seeds)) found.push(...quoteProblems(library, files.counterpoints.file, seeds, stored));
    else
      skipped.push(
        `the quotes were not checked against their sources: the stored texts are not at ${seeds} (set COUNTERFRAME_SHARED to the folder that holds seeds/)`,
      );
  }
  if (resolve(dir) === resolve(BUNDLED_DIR)) {
    for (const { file } of files.frames) {
      const name = file.slice('frames/'.length);
      if (!(name in BUNDLED_FRAME_FILES)) {
        found.push({ file, field: '(file)', message: 'is not listed in src/claims/library.ts, so the extension would not bundle it' });
      }
    }
  }
  return { problems: found, skipped };
}

/** A claim pack file, checked as the settings page checks one before it is imported: against the bundled library. */
export function lintPackFile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return [plainError(error, file).message];
  }
  const result = checkPack(text, []);
  return result.ok ? [] : result.problems;
}

function main(target: string | undefined): number {
  const path = target ? resolve(target) : BUNDLED_DIR;
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (error) {
    console.error(`lint:claims: ${plainError(error, target ?? path).message}`);
    return 2;
  }
  const library = isFile ? null : lintDir(path);
  const problems = library ? library.problems.map(formatProblem) : lintPackFile(path);
  const what = isFile ? `the claim pack ${target}` : `the library in ${path}`;
  for (const reason of library?.skipped ?? []) console.warn(`lint:claims: skipped: ${reason}`);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`lint:claims: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${what}`);
    return 1;
  }
  console.log(`lint:claims: ${what} is sound`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv[2]);
