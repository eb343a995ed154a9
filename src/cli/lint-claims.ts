/** `npm run lint:claims [DIR]`: checks a claim library folder (the bundled one by default). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, lintLibrary } from '../claims/lint';
import { BUNDLED_FRAME_FILES } from '../claims/library';
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : BUNDLED_DIR;
  const problems = lintDir(dir);
  for (const problem of problems) console.error(formatProblem(problem));
  if (problems.length > 0) {
    console.error(`lint:claims: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}`);
    process.exit(1);
  }
  console.log(`lint:claims: the library in ${dir} is sound`);
}
