/** `npm run lint:claims [DIR | FILE.json]`: checks a claim library folder (the bundled one by default), or one claim pack. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, lintLibrary } from '../claims/lint';
import { BUNDLED_FRAME_FILES } from '../claims/library';
import { checkPack } from '../claims/packs';
import { plainError } from './read-input';
import type { LibraryFiles, Problem } from '../claims/schema';

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

export function lintDir(dir: string): Problem[] {
  const { files, problems } = readLibraryDir(dir);
  if (!files) return problems;
  const found = lintLibrary(files);
  if (resolve(dir) === resolve(BUNDLED_DIR)) {
    for (const { file } of files.frames) {
      const name = file.slice('frames/'.length);
      if (!(name in BUNDLED_FRAME_FILES)) {
        found.push({ file, field: '(file)', message: 'is not listed in src/claims/library.ts, so the extension would not bundle it' });
      }
    }
  }
  return found;
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
  const problems = isFile ? lintPackFile(path) : lintDir(path).map(formatProblem);
  const what = isFile ? `the claim pack ${target}` : `the library in ${path}`;
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`lint:claims: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${what}`);
    return 1;
  }
  console.log(`lint:claims: ${what} is sound`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv[2]);
