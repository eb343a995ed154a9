import { bundledLibrary } from '../../src/claims/library';
import type { ContextPatterns } from '../../src/match/first-look';
import type { GateData } from '../../src/match/gate-scan';
import { contextPatterns, gateDataOf } from '../../src/match/gate-words';

/** The gate the extension builds into its reader. */
export const bundledGate = gateDataOf(bundledLibrary);

/** The patterns of `gate`'s contexts, as the build writes them into the gate script (as literals: wxt.config.ts). */
export const patternsOf = (gate: GateData): ContextPatterns =>
  Object.fromEntries(Object.entries(contextPatterns(gate)).map(([name, source]) => [name, new RegExp(source)]));

/** The first look's patterns in the gate script: the bundled cues' contexts, which packs use too. */
export const bundledPatterns = patternsOf(bundledGate);
