import { bundledLibrary } from '../../src/claims/library';
import type { ContextPatterns } from '../../src/gate/first-look';
import { contextPatterns, gateDataOf, gateScriptContexts } from '../../src/gate/words';

/** The gate the extension runs where it reads pages, away from them, with the bundled library. */
export const bundledGate = gateDataOf(bundledLibrary);

/**
 * The first look's patterns for every context of the bundled cues, as the build writes them (as
 * literals: wxt.config.ts) into the packs flag script, which brings them while packs are installed.
 */
export const bundledPatterns: ContextPatterns = Object.fromEntries(
  Object.entries(contextPatterns(bundledGate)).map(([name, source]) => [name, new RegExp(source)]),
);

/** Of them, those the gate script itself carries: the contexts the bundled library's claims need. */
export const gateScriptPatterns: ContextPatterns = Object.fromEntries(gateScriptContexts(bundledGate).map((name) => [name, bundledPatterns[name]]));
