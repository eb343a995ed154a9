import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledLibrary } from '../../../src/claims/library';
import { compileLibrary } from '../../../src/match/compile';
import { predict, score } from '../../../scripts/lib/evaluate';
import {
  claimExamples,
  crossValidate,
  readRealSentences,
  readWrittenSentences,
  REAL_SENTENCES,
  shippedWeights,
  splitOf,
  WEIGHTS_FILE,
} from '../../../scripts/lib/stance-training';

// The real sentences sit beside the project (CI has them); a user's clone does not.
const present = existsSync(REAL_SENTENCES);
const skipped = present ? '' : ` (skipped: ${REAL_SENTENCES} is absent)`;
const compiled = compileLibrary(bundledLibrary);

describe.skipIf(!present)(`the stance model on the real labelled sentences${skipped}`, () => {
  it('retrains, seeded, to the shipped weights byte for byte', () => {
    expect(shippedWeights(bundledLibrary) === readFileSync(WEIGHTS_FILE, 'utf8'), 'run npm run train').toBe(true);
  });

  it('holds its level on the fixed test fold, through the whole matcher', () => {
    const test = readRealSentences().filter((s) => splitOf(s.source) === 'test');
    const judged = (script?: string) =>
      score(
        test.filter((s) => !script || s.script === script),
        (text) => predict(compiled, text),
      );
    const all = judged();
    expect(all.usesF1).toBeGreaterThanOrEqual(0.72);
    expect(all.critiquesAsUses).toBeLessThanOrEqual(0.18);
    expect(all.noneFlagged).toBeLessThanOrEqual(0.05);
    expect(judged('hans').usesRecall).toBeGreaterThanOrEqual(0.45);
    expect(judged('hant').usesRecall).toBeGreaterThanOrEqual(0.82);
  });

  it('holds its level in grouped cross-validation on the other folds', () => {
    const results = crossValidate(compiled, readRealSentences(), (model, s) => predict(compiled, s.text, model), undefined, [
      ...readWrittenSentences(),
      ...claimExamples(bundledLibrary),
    ]);
    const byText = new Map(results.map((r) => [r.sentence.text, r.judged]));
    const s = score(
      results.map((r) => r.sentence),
      (text) => byText.get(text)!,
    );
    expect(s.usesF1).toBeGreaterThanOrEqual(0.76);
    expect(s.critiquesAsUses).toBeLessThanOrEqual(0.2);
    expect(s.noneFlagged).toBeLessThanOrEqual(0.045);
  });
});
