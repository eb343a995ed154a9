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
      for (const list of ['leavesOut', 'holds'] as const) {
        claim[list].forEach((id, k) => {
          if (!counterpointIds.has(id)) problems.push({ file: frameFiles[f]!, field: `${at}.${list}.${k}`, message: `no counterpoint has the id "${id}"` });
        });
      }
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

/**
 * Every check of the library, in the order a curator would fix them; the library itself once its
 * shape and references are sound (its examples may still fail). No problem means it is sound.
 */
export function checkLibrary(files: LibraryFiles): { library?: ClaimLibrary; problems: Problem[] } {
  const { library, problems } = checkLibraryShape(files);
  if (!library) return { problems };
  const frameFiles = files.frames.map((f) => f.file);
  const references = checkReferences(library, frameFiles, files.counterpoints.file);
  if (references.length > 0) return { problems: references };
  return { library, problems: checkExamples(library, frameFiles) };
}

export function lintLibrary(files: LibraryFiles): Problem[] {
  return checkLibrary(files).problems;
}

/** A counterpoint on more claims than this is too generic to answer each of them. */
export const MAX_CLAIMS_PER_COUNTERPOINT = 6;

/**
 * What a reader of the cards is owed beyond a library that works: every claim answered and granted
 * where it holds, every counterpoint shown somewhere and specific enough not to be everywhere, every
 * source findable (a link, or why there is none), and every text in Simplified Chinese too.
 * frameFiles[f] is the file of library.frames[f].
 */
export function curationProblems(library: ClaimLibrary, frameFiles: string[], counterpointsFile: string): Problem[] {
  const problems: Problem[] = [];
  const uses = new Map<string, number>();
  library.frames.forEach((frame, f) => {
    const file = frameFiles[f]!;
    if (!frame.zh) problems.push({ file, field: 'zh', message: `frame "${frame.id}" has no Simplified Chinese name and assumption` });
    frame.claims.forEach((claim, c) => {
      if (claim.holds.length === 0) problems.push({ file, field: `claims.${c}.holds`, message: `claim "${claim.id}" has no "where it holds" point` });
      if (!claim.zh) problems.push({ file, field: `claims.${c}.zh`, message: `claim "${claim.id}" has no Simplified Chinese "says"` });
      for (const id of new Set([...claim.leavesOut, ...claim.holds])) uses.set(id, (uses.get(id) ?? 0) + 1);
    });
  });
  library.counterpoints.forEach((point, k) => {
    const claims = uses.get(point.id) ?? 0;
    if (claims === 0) problems.push({ file: counterpointsFile, field: `${k}`, message: `counterpoint "${point.id}" reaches no card: no claim lists it` });
    if (claims > MAX_CLAIMS_PER_COUNTERPOINT) {
      problems.push({
        file: counterpointsFile,
        field: `${k}`,
        message: `counterpoint "${point.id}" is on ${claims} claims' cards, more than ${MAX_CLAIMS_PER_COUNTERPOINT}: too generic to answer each`,
      });
    }
    if (!point.source.url && !point.source.noLink) {
      problems.push({
        file: counterpointsFile,
        field: `${k}.source`,
        message: `counterpoint "${point.id}": its source has no link and does not say why (noLink)`,
      });
    }
    if (!point.zh) problems.push({ file: counterpointsFile, field: `${k}.zh`, message: `counterpoint "${point.id}" has no Simplified Chinese text` });
  });
  return problems;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}
