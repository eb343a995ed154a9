import type * as v from 'valibot';
import type { ClaimSchema, CounterpointsSchema, CuesSchema, FrameSchema } from './schema';

/**
 * The claim library's shapes, as its schema (schema.ts) defines them: a frame has claims; a claim
 * has trigger patterns, the contexts (from the cues) it needs, its counterpoints, and example
 * sentences that must match as "uses", as "critiques", or not at all, and the counterpoints that say
 * what it leaves out and where it holds (chosen per claim: one point may grant one claim and answer
 * another); a counterpoint is a point in our words with its source. Each may carry its Simplified
 * Chinese text (`zh`).
 */
export type Stance = 'uses' | 'critiques';
export type Counterpoint = v.InferOutput<typeof CounterpointsSchema>[number];
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type Frame = v.InferOutput<typeof FrameSchema>;
export type Cues = v.InferOutput<typeof CuesSchema>;

export interface ClaimLibrary {
  frames: Frame[];
  counterpoints: Counterpoint[];
  cues: Cues;
}
