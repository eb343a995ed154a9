import { bundledLibrary } from '../../src/claims/library';
import type { ContextPatterns } from '../../src/gate/first-look';
import { firstLookLiterals } from '../../src/gate/first-look-module';
import { gateDataOf } from '../../src/gate/words';

/** The gate the extension runs where it reads pages, away from them, with the bundled library. */
export const bundledGate = gateDataOf(bundledLibrary);

const literals = firstLookLiterals(bundledLibrary);
// The build writes these as literals into the scripts; the tests make the same patterns from their text.
const patterns = (of: Record<string, string>): ContextPatterns =>
  Object.fromEntries(Object.entries(of).map(([name, literal]) => [name, new RegExp(literal.slice(1, -1))]));

/** The first look's patterns for every context of the bundled cues, which the packs flag script brings while packs are installed. */
export const bundledPatterns = patterns(literals.everyContext);

/** Of them, those the gate script itself carries: the contexts the bundled library's claims need. */
export const gateScriptPatterns = patterns(literals.gateScript);
