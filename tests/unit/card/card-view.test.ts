import { describe, expect, it } from 'vitest';
import { cardLibraryFor, cardViewFor } from '../../../src/card/card-view';
import { bundledLibrary } from '../../../src/claims/library';
import type { ClaimLibrary } from '../../../src/claims/types';
import { compileLibrary } from '../../../src/match/compile';
import { matchPassages } from '../../../src/match/match';

describe('cardViewFor', () => {
  const compiled = compileLibrary(bundledLibrary);
  const matches = matchPassages(compiled, [{ text: 'Fund the compute and keep America ahead of China in artificial intelligence.', start: 0 }]);

  it('lists each claim of the passage and their counterpoints once each, split into "leaves out" and "holds"', () => {
    expect(matches.map((m) => m.claimId).sort()).toEqual(['beat-china', 'the-lead']);
    const view = cardViewFor(matches, cardLibraryFor(compiled, matches));
    expect(view.stance).toBe('uses');
    expect(view.claims.map((c) => c.frameName)).toEqual(matches.map((m) => bundledLibrary.frames.find((f) => f.id === m.frameId)!.name));
    const ids = [...view.leavesOut, ...view.holds].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(view.holds.map((p) => p.id)).toContain('chips-contest-holds');
    expect(view.leavesOut.length).toBeGreaterThan(0);
    for (const point of [...view.leavesOut, ...view.holds]) expect(point.source.label).toMatch(/, /);
  });

  it('never links a source that is not http(s)', () => {
    const hostile: ClaimLibrary = {
      ...bundledLibrary,
      counterpoints: bundledLibrary.counterpoints.map((c) => ({ ...c, source: { ...c.source, url: 'javascript:alert(1)' } })),
    };
    const view = cardViewFor(matches, cardLibraryFor(compileLibrary(hostile), matches));
    for (const point of [...view.leavesOut, ...view.holds]) expect(point.source.url).toBeUndefined();
  });
});
