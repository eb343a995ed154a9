import type * as v from 'valibot';
import type { ClaimSchema, CounterpointsSchema, CuesSchema, FrameSchema } from './schema';

/**
 * The claim library's shapes, as its schema (schema.ts) defines them: a frame has claims; a claim
 * has trigger patterns, the contexts (from the cues) it needs, its counterpoints, and example
 * sentences that must match as "uses", as "critiques", or not at all; a counterpoint says what the
 * frame leaves out ("leaves-out") or where it holds ("holds"), with its source.
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
