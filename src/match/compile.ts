import type { ClaimLibrary, Claim, Counterpoint, Frame } from '../claims/types';
import type { GateData } from '../gate/scan';
import { gateDataOf } from '../gate/words';
import { PatternIndex } from './pattern-index';

export type Cue = { kind: 'trigger'; claim: number; loose: boolean } | { kind: 'context'; name: string } | { kind: 'critique' } | { kind: 'other-sense' };

export interface CompiledClaim {
  frame: Frame;
  claim: Claim;
}

export interface CompiledLibrary {
  library: ClaimLibrary;
  claims: CompiledClaim[];
  index: PatternIndex<Cue>;
  counterpoints: Map<string, Counterpoint>;
}

/** Compiles the library once into one index of every pattern it holds. */
export function compileLibrary(library: ClaimLibrary): CompiledLibrary {
  const index = new PatternIndex<Cue>();
  const claims: CompiledClaim[] = [];
  for (const frame of library.frames) {
    for (const claim of frame.claims) {
      const at = claims.push({ frame, claim }) - 1;
      for (const trigger of claim.triggers) index.add(trigger, { kind: 'trigger', claim: at, loose: false });
      for (const trigger of claim.looseTriggers ?? []) index.add(trigger, { kind: 'trigger', claim: at, loose: true });
    }
  }
  for (const [name, patterns] of Object.entries(library.cues.contexts)) {
    for (const source of patterns) index.add(source, { kind: 'context', name });
  }
  for (const source of library.cues.critique) index.add(source, { kind: 'critique' });
  for (const source of library.cues.otherSenses) index.add(source, { kind: 'other-sense' });

  return {
    library,
    claims,
    index,
    counterpoints: new Map(library.counterpoints.map((c) => [c.id, c])),
  };
}

/**
 * The library as the whole pipeline uses it (where the extension reads pages, the command line, the
 * tests): the gate's word lists, and the compiled library for pages that get past the gate.
 */
export interface LibrarySource {
  gate: GateData;
  compile(): CompiledLibrary;
}

/** The library compiled up front, the gate derived from it. */
export function eagerSource(compiled: CompiledLibrary): LibrarySource {
  return { gate: gateDataOf(compiled.library), compile: () => compiled };
}
