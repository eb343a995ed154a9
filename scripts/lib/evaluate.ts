import { existsSync, readFileSync } from 'node:fs';
import type { CompiledLibrary } from '../../src/match/compile';
import { matchPassages } from '../../src/match/match';
import { quotedSpans } from '../../src/match/quotes';
import { tokenize } from '../../src/match/tokens';
import { bundledStanceModel } from '../../src/stance/bundled';
import type { StanceModel } from '../../src/stance/model';
import { normaliseText } from '../../src/stance/normalise';

export type Label = 'uses' | 'critiques' | 'none';
export const LABELS: readonly Label[] = ['uses', 'critiques', 'none'];

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
  /** How many passages of each label (first key) were judged as each label (second key). */
  confusion: Record<Label, Record<Label, number>>;
  errors: { passage: LabelledPassage; predicted: Label }[];
}

export const TARGETS = { usesF1: 0.92, critiquesAsUses: 0.1, noneFlagged: 0.02 } as const;

/**
 * The rows of a labelled file, one JSON object a line, each with its label (in any case) and its
 * text checked; a bad row is named by its line number.
 */
export function labelledRows(file: string): (Record<string, unknown> & { label: Label; text: string })[] {
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, at }) => {
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${at}: not a JSON row`);
      }
      const label = String(row.label).toLowerCase() as Label;
      if (!LABELS.includes(label) || typeof row.text !== 'string') throw new Error(`${at}: a row needs a label (uses, critiques or none) and a text`);
      return { ...row, label, text: row.text };
    });
}

export function readLabelled(file: string): LabelledPassage[] {
  return labelledRows(file).map((row) => ({ label: row.label, text: row.text, lang: String(row.lang), source: String(row.source) }));
}

/**
 * Counterframe's judgement of one passage, as `annotate --sentences` gives it (the passage is its own
 * article): "uses" if any match uses a frame, else "critiques" if any match.
 */
export function predict(compiled: CompiledLibrary, text: string, model: StanceModel = bundledStanceModel()): Label {
  const matches = matchPassages(compiled, [{ text, start: 0 }], model);
  if (matches.some((m) => m.stance === 'uses')) return 'uses';
  return matches.length > 0 ? 'critiques' : 'none';
}

/** The naive baseline: any trigger pattern anywhere means "uses" (no context, no other senses, no stance). */
export function predictNaive(compiled: CompiledLibrary, text: string): Label {
  return compiled.index.scan(tokenize(text)).some((hit) => hit.payload.kind === 'trigger') ? 'uses' : 'none';
}

/**
 * The matcher before the stance model, for comparison: the claims' own triggers where their needs are
 * in the passage, not in another sense of the words; "critiques" where a critique cue is in the
 * passage or the trigger is scare-quoted (as short as itself plus a word), else "uses".
 */
export function predictRules(compiled: CompiledLibrary, text: string): Label {
  const tokens = tokenize(normaliseText(text));
  const hits = compiled.index.scan(tokens);
  const contexts = new Set(hits.flatMap((h) => (h.payload.kind === 'context' ? [h.payload.name] : [])));
  const others = hits.filter((h) => h.payload.kind === 'other-sense');
  const triggers = hits.filter(
    (h) =>
      h.payload.kind === 'trigger' &&
      !h.payload.loose &&
      compiled.claims[h.payload.claim]!.claim.needs.every((need) => contexts.has(need)) &&
      !others.some((o) => o.start < h.end && h.start < o.end),
  );
  if (triggers.length === 0) return 'none';
  if (hits.some((h) => h.payload.kind === 'critique')) return 'critiques';
  const quotes = quotedSpans(text);
  const scareQuoted = triggers.every((h) =>
    quotes.some((q) => {
      const inside = tokens.filter((t) => t.start >= q.start && t.end <= q.end).length;
      return tokens[h.start]!.start >= q.start && tokens[h.end - 1]!.end <= q.end && inside <= h.end - h.start + 1;
    }),
  );
  return scareQuoted ? 'critiques' : 'uses';
}

export function score(passages: LabelledPassage[], judge: (text: string) => Label): Scores {
  const errors: Scores['errors'] = [];
  const confusion = Object.fromEntries(LABELS.map((gold) => [gold, Object.fromEntries(LABELS.map((got) => [got, 0]))])) as Scores['confusion'];
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
    confusion[passage.label][predicted]++;
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
    confusion,
    errors,
  };
}

export function meetsTargets(s: Scores): boolean {
  return s.usesF1 >= TARGETS.usesF1 && s.critiquesAsUses <= TARGETS.critiquesAsUses && s.noneFlagged <= TARGETS.noneFlagged;
}
