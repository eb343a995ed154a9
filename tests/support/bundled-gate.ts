import { bundledLibrary } from '../../src/claims/library';
import type { GateData } from '../../src/match/gate-scan';
import { gateDataOf, mentionsPattern } from '../../src/match/gate-words';

/** `words` with the first look the build writes into the content script (as a literal: wxt.config.ts). */
export const withMentions = (words: GateData): GateData => ({ ...words, mentions: new RegExp(mentionsPattern(words)) });

/** The gate the extension builds into its content script. */
export const bundledGate = withMentions(gateDataOf(bundledLibrary));
