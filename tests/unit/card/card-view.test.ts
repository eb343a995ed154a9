import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cardLibraryFor, cardViewFor, libraryLanguage } from '../../../src/card/card-view';
import { bundledLibrary } from '../../../src/claims/library';
import type { ClaimLibrary } from '../../../src/claims/types';
import { compileLibrary } from '../../../src/match/compile';
import { matchPassages, type Match } from '../../../src/match/match';
import { inEnglish, translatorFor } from '../../support/translate';

const compiled = compileLibrary(bundledLibrary);
const claimsOf = (library: ClaimLibrary) => library.frames.flatMap((frame) => frame.claims.map((claim) => ({ frame, claim })));

describe('cardViewFor', () => {
  const matches = matchPassages(compiled, [{ text: 'Fund the compute and keep America ahead of China in artificial intelligence.', start: 0 }]);

  it('gives each frame of the passage one section: its claims (the words that carry it, what it says), then their counterpoints once each', () => {
    expect(matches.map((m) => m.claimId).sort()).toEqual(['beat-china', 'the-lead']);
    const view = cardViewFor(matches, cardLibraryFor(compiled, matches), 'en');
    expect(view.stance).toBe('uses');
    expect(view.frames.map((f) => f.name)).toEqual(matches.map((m) => bundledLibrary.frames.find((f) => f.id === m.frameId)!.name));
    for (const [i, frame] of view.frames.entries()) {
      const claim = claimsOf(bundledLibrary).find(({ claim }) => claim.id === matches[i]!.claimId)!.claim;
      expect(frame.claims).toEqual([{ quote: matches[i]!.quote, says: claim.says, stance: 'uses' }]);
      expect(frame.leavesOut.map((p) => p.id)).toEqual(claim.leavesOut);
      expect(frame.holds.map((p) => p.id)).toEqual(claim.holds);
      for (const point of [...frame.leavesOut, ...frame.holds]) expect(point.source.label).toMatch(/, /);
    }
  });

  it('names a frame once however many of its claims the passage makes', () => {
    const scoreboard = bundledLibrary.frames.find((f) => f.id === 'scoreboard')!;
    const [first, second] = scoreboard.claims;
    const both: Match[] = [first!, second!].map((claim, i) => ({ ...matches[0]!, frameId: scoreboard.id, claimId: claim.id, quote: `words ${i}` }));
    const view = cardViewFor(both, cardLibraryFor(compiled, both), 'en');
    expect(view.frames).toHaveLength(1);
    expect(view.frames[0]!.claims.map((c) => c.says)).toEqual([first!.says, second!.says]);
    const ids = [...view.frames[0]!.leavesOut, ...view.frames[0]!.holds].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows a "where it holds" point for every claim of the library', () => {
    for (const { frame, claim } of claimsOf(bundledLibrary)) {
      const match: Match = { ...matches[0]!, frameId: frame.id, claimId: claim.id };
      const [section] = cardViewFor([match], cardLibraryFor(compiled, [match]), 'en').frames;
      expect(section?.holds.length, claim.id).toBeGreaterThan(0);
    }
  });

  it("takes the library's language from the extension's own words, as the browser chose them", () => {
    expect(libraryLanguage(inEnglish)).toBe('en');
    expect(libraryLanguage(translatorFor(JSON.parse(readFileSync('public/_locales/zh_CN/messages.json', 'utf8'))))).toBe('zh');
  });

  it('is in Simplified Chinese for a Chinese reader: frame, assumption, claim and counterpoints', () => {
    const view = cardViewFor(matches, cardLibraryFor(compiled, matches), 'zh');
    expect(view.language).toBe('zh');
    const beat = bundledLibrary.frames.find((f) => f.id === 'beat-china')!;
    const section = view.frames.find((f) => f.name === beat.zh!.name)!;
    expect(section.assumes).toBe(beat.zh!.assumes);
    expect(section.claims[0]!.says).toBe(beat.claims.find((c) => c.id === 'beat-china')!.zh!.says);
    for (const point of [...section.leavesOut, ...section.holds]) {
      expect(point.text).toBe(bundledLibrary.counterpoints.find((c) => c.id === point.id)!.zh!.text);
    }
  });

  it('never links a source that is not http(s), and says why a source has no link', () => {
    const hostile: ClaimLibrary = {
      ...bundledLibrary,
      counterpoints: bundledLibrary.counterpoints.map((c) => ({ ...c, source: { ...c.source, url: 'javascript:alert(1)' } })),
    };
    const view = cardViewFor(matches, cardLibraryFor(compileLibrary(hostile), matches), 'en');
    for (const point of view.frames.flatMap((f) => [...f.leavesOut, ...f.holds])) expect(point.source.url).toBeUndefined();
    const unlinked: ClaimLibrary = {
      ...bundledLibrary,
      counterpoints: bundledLibrary.counterpoints.map((c) => ({
        ...c,
        source: { title: c.source.title, publisher: c.source.publisher, noLink: 'Never online.' },
      })),
    };
    const plain = cardViewFor(matches, cardLibraryFor(compileLibrary(unlinked), matches), 'en');
    for (const point of plain.frames.flatMap((f) => [...f.leavesOut, ...f.holds])) expect(point.source.notes).toEqual(['Never online.']);
  });
});
