import type { ClaimLibrary } from '../claims/types';
import { contextPatterns, gateDataOf, gateScriptContexts } from './words';

/**
 * The first look, made from a library at build time: each context's words as a regular expression
 * literal (no pattern is ever compiled from a string in the extension). The gate script takes the
 * patterns of the contexts the library's claims need; the packs flag script, which runs only while
 * packs are installed, brings every context's.
 */
export function firstLookLiterals(library: ClaimLibrary) {
  const gate = gateDataOf(library);
  const sources = contextPatterns(gate);
  const literals = (names: string[]) => Object.fromEntries(names.map((name) => [name, `/${sources[name]}/`]));
  return { gateScript: literals(gateScriptContexts(gate)), everyContext: literals(Object.keys(sources)), mentions: gate.mentions };
}

/** The module `virtual:counterframe-first-look` (see virtual-modules.d.ts), as source. */
export function firstLookModule(library: ClaimLibrary): string {
  const { gateScript, everyContext, mentions } = firstLookLiterals(library);
  const object = (literals: Record<string, string>) =>
    `{${Object.entries(literals)
      .map(([name, literal]) => `${JSON.stringify(name)}: ${literal}`)
      .join(', ')}}`;
  return [
    `export const patterns = ${object(gateScript)};`,
    `export const mentions = ${JSON.stringify(mentions)};`,
    `export const everyContext = ${object(everyContext)};`,
  ].join('\n');
}
