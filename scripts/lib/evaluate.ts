import { readFileSync } from 'node:fs';
import type { CompiledLibrary } from '../../src/match/compile';
import { matchPassages } from '../../src/match/match';
import { tokenize } from '../../src/match/tokens';

export type Label = 'uses' | 'critiques' | 'none';

export interface LabelledPassage {
  label: Label;
  lang: string;
  source: string;
  text: string;
}

export interface Scores {
  usesPrecision: number;
  usesRecall: number;
  usesF1: number;
  /** Share of "critiques" passages predicted as "uses". */
  critiquesAsUses: number;
  /** Share of "none" passages flagged at all. */
  noneFlagged: number;
  /** Share of "critiques" passages predicted as "critiques". */
  critiquesRecall: number;
  errors: { passage: LabelledPassage; predicted: Label }[];
}

export const TARGETS = { usesF1: 0.92, critiquesAsUses: 0.1, noneFlagged: 0.02 } as const;

export function readLabelled(file: string): LabelledPassage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const row = JSON.parse(line) as LabelledPassage;
      if (!['uses', 'critiques', 'none'].includes(row.label) || typeof row.text !== 'string')
        throw new Error(`${file}:${i + 1}: a row needs a label and a text`);
      return row;
    });
}

/** Counterframe's judgement of one passage: "uses" if any match uses a frame, else "critiques" if any match. */
export function predict(compiled: CompiledLibrary, text: string): Label {
  const matches = matchPassages(compiled, [{ text, start: 0 }]);
  if (matches.some((m) => m.stance === 'uses')) return 'uses';
  return matches.length > 0 ? 'critiques' : 'none';
}

/** The naive baseline: any trigger pattern anywhere means "uses" (no context, no other senses, no stance). */
export function predictNaive(compiled: CompiledLibrary, text: string): Label {
  return compiled.index.scan(tokenize(text)).some((hit) => hit.payload.kind === 'trigger') ? 'uses' : 'none';
}

export function score(passages: LabelledPassage[], judge: (text: string) => Label): Scores {
  const errors: Scores['errors'] = [];
  let tp = 0;
  let predictedUses = 0;
  let goldUses = 0;
  let critiques = 0;
  let critiquesAsUses = 0;
  let critiquesRight = 0;
  let none = 0;
  let noneFlagged = 0;
  for (const passage of passages) {
    const predicted = judge(passage.text);
    if (predicted !== passage.label) errors.push({ passage, predicted });
    if (predicted === 'uses') predictedUses++;
    if (passage.label === 'uses') {
      goldUses++;
      if (predicted === 'uses') tp++;
    } else if (passage.label === 'critiques') {
      critiques++;
      if (predicted === 'uses') critiquesAsUses++;
      if (predicted === 'critiques') critiquesRight++;
    } else {
      none++;
      if (predicted !== 'none') noneFlagged++;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const usesPrecision = ratio(tp, predictedUses);
  const usesRecall = ratio(tp, goldUses);
  return {
    usesPrecision,
    usesRecall,
    usesF1: ratio(2 * usesPrecision * usesRecall, usesPrecision + usesRecall),
    critiquesAsUses: ratio(critiquesAsUses, critiques),
    noneFlagged: ratio(noneFlagged, none),
    critiquesRecall: ratio(critiquesRight, critiques),
    errors,
  };
}

export function meetsTargets(s: Scores): boolean {
  return s.usesF1 >= TARGETS.usesF1 && s.critiquesAsUses <= TARGETS.critiquesAsUses && s.noneFlagged <= TARGETS.noneFlagged;
}
