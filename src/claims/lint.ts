import { compileLibrary } from '../match/compile';
import { matchPassages } from '../match/match';
import { checkLibraryShape, type LibraryFiles, type Problem } from './schema';
import type { ClaimLibrary } from './types';

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

/** Checks that ids are unique and every reference resolves. frameFiles[f] is the file of library.frames[f]. */
function checkReferences(library: ClaimLibrary, frameFiles: string[], counterpointsFile: string): Problem[] {
  const problems: Problem[] = [];
  const counterpointIds = new Set(library.counterpoints.map((c) => c.id));
  const contextNames = new Set(Object.keys(library.cues.contexts));
  for (const id of duplicates(library.frames.map((f) => f.id))) {
    problems.push({ file: frameFiles[library.frames.findIndex((f) => f.id === id)]!, field: 'id', message: `frame id "${id}" is used by more than one frame` });
  }
  const claimIds = library.frames.flatMap((f) => f.claims.map((c) => c.id));
  library.frames.forEach((frame, f) => {
    frame.claims.forEach((claim, c) => {
      const at = `claims.${c}`;
      if (duplicates(claimIds).includes(claim.id)) {
        problems.push({ file: frameFiles[f]!, field: `${at}.id`, message: `claim id "${claim.id}" is used by more than one claim` });
      }
      claim.counterpoints.forEach((id, k) => {
        if (!counterpointIds.has(id)) {
          problems.push({ file: frameFiles[f]!, field: `${at}.counterpoints.${k}`, message: `no counterpoint has the id "${id}"` });
        }
      });
      claim.needs.forEach((name, k) => {
        if (!contextNames.has(name)) {
          problems.push({ file: frameFiles[f]!, field: `${at}.needs.${k}`, message: `cues.json has no context named "${name}"` });
        }
      });
    });
  });
  for (const id of duplicates(library.counterpoints.map((c) => c.id))) {
    problems.push({ file: counterpointsFile, field: 'id', message: `counterpoint id "${id}" is used more than once` });
  }
  return problems;
}

/**
 * Runs every example sentence through the matcher and reports each one that does not behave as
 * labelled. frameFiles[f] is the file of library.frames[f].
 */
function checkExamples(library: ClaimLibrary, frameFiles: string[]): Problem[] {
  const compiled = compileLibrary(library);
  const problems: Problem[] = [];
  library.frames.forEach((frame, f) => {
    frame.claims.forEach((claim, c) => {
      const labelled = [
        ...claim.examples.uses.map((text, k) => ({ text, field: `examples.uses.${k}`, want: 'uses' as const })),
        ...claim.examples.critiques.map((text, k) => ({ text, field: `examples.critiques.${k}`, want: 'critiques' as const })),
        ...claim.examples.none.map((text, k) => ({ text, field: `examples.none.${k}`, want: 'none' as const })),
      ];
      for (const example of labelled) {
        const found = matchPassages(compiled, [{ text: example.text, start: 0 }]).find((m) => m.claimId === claim.id);
        const got = found?.stance ?? 'none';
        if (got !== example.want) {
          problems.push({
            file: frameFiles[f]!,
            field: `claims.${c}.${example.field}`,
            message: `expected ${example.want === 'none' ? 'no match' : `"${example.want}"`} for claim "${claim.id}", got ${got === 'none' ? 'no match' : `"${got}"`}: ${example.text}`,
          });
        }
      }
    });
  });
  return problems;
}

/** Every check of the library, in the order a curator would fix them. An empty list means it is sound. */
export function lintLibrary(files: LibraryFiles): Problem[] {
  const { library, problems } = checkLibraryShape(files);
  if (!library) return problems;
  const frameFiles = files.frames.map((f) => f.file);
  const references = checkReferences(library, frameFiles, files.counterpoints.file);
  if (references.length > 0) return references;
  return checkExamples(library, frameFiles);
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}
