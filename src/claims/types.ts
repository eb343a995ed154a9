/** The claim library's shapes, as the code uses them. `schema.ts` checks data files against these. */

export type Stance = 'uses' | 'critiques';

export interface Source {
  title: string;
  publisher: string;
  /** YYYY-MM-DD, where the source gives one. */
  date?: string;
  url?: string;
  /** A short attributed quote, at most a sentence or two. */
  quote?: string;
  speaker?: string;
}

export interface Counterpoint {
  id: string;
  /** "leaves-out": what the frame misses; "holds": where the frame does have a point. */
  kind: 'leaves-out' | 'holds';
  text: string;
  source: Source;
}

export interface ClaimExamples {
  /** Sentences that use the frame: must match this claim as "uses". */
  uses: string[];
  /** Sentences that report or reject the frame: must match this claim as "critiques". */
  critiques: string[];
  /** Sentences with the same words in another sense: must not match this claim. */
  none: string[];
}

export interface Claim {
  id: string;
  /** What a passage using this claim asserts, in one line. */
  says: string;
  triggers: string[];
  /**
   * The frame's wider vocabulary ("race", "dominate", 博弈): a sentence that holds these and no
   * claim's trigger is a candidate for this claim, which the stance model then judges.
   */
  looseTriggers?: string[];
  /** Names of contexts (from cues.json) that must appear near the trigger. */
  needs: string[];
  counterpoints: string[];
  examples: ClaimExamples;
}

export interface Frame {
  id: string;
  name: string;
  /** What the frame takes for granted, in one line. */
  assumes: string;
  claims: Claim[];
}

export interface Cues {
  /** Named word lists that claims may need near a trigger (for instance "ai", "rivalry"). */
  contexts: Record<string, string[]>;
  /** Words that mark a passage as reporting, questioning or rejecting a frame. */
  critique: string[];
  /** Other senses of trigger words ("the human race", "a Senate race"): a trigger inside one is ignored. */
  otherSenses: string[];
}

export interface ClaimLibrary {
  frames: Frame[];
  counterpoints: Counterpoint[];
  cues: Cues;
}
