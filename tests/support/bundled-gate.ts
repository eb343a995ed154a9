import { bundledLibrary } from '../../src/claims/library';
import type { ContextPatterns } from '../../src/match/first-look';
import { contextPatterns, gateDataOf } from '../../src/match/gate-words';

/** The gate the extension runs where it reads pages, away from them, with the bundled library. */
export const bundledGate = gateDataOf(bundledLibrary);

/**
 * The first look's patterns in the gate script, as the build writes them (as literals: wxt.config.ts):
 * the bundled cues' contexts, which packs use too.
 */
export const bundledPatterns: ContextPatterns = Object.fromEntries(
  Object.entries(contextPatterns(bundledGate)).map(([name, source]) => [name, new RegExp(source)]),
);
