import { describe, expect, it } from 'vitest';
import { bundledLibrary } from '../../../src/claims/library';
import { compileLibrary } from '../../../src/match/compile';
import { matchPassages, sentenceView } from '../../../src/match/match';
import { bundledStanceModel } from '../../../src/stance/bundled';
import { judge } from '../../../src/stance/model';
import weights from '../../../src/stance/weights.json';

const compiled = compileLibrary(bundledLibrary);
const judged = (sentence: string) => judge(bundledStanceModel(), sentenceView(compiled, sentence)).judgement;
const stances = (sentence: string) => [...new Set(matchPassages(compiled, [{ text: sentence, start: 0 }]).map((m) => m.stance))];

// Sentences written for this test (in none of the training sets), by the label rules.
const SENTENCES = {
  uses: [
    'America has to win the AI race against China before the end of the decade.',
    'Beijing and Washington are locked in a battle for AI supremacy.',
    '中美人工智能竞赛日趋激烈,美国誓言保持领先。',
    '美國誓言在人工智慧競賽中擊敗中國。',
  ],
  critiques: [
    'Critics call it an AI arms race, but the label hides how much the two countries cooperate.',
    'The so-called race for AI supremacy is mostly a fundraising pitch.',
    '所谓中美人工智能竞赛,不过是一种夸大的说法。',
    '所謂的人工智慧軍備競賽,其實是一種誤導性的敘事。',
  ],
  none: ['The nuclear arms race of the 1960s left both superpowers with vast arsenals.', '他在全国数学竞赛中获得了金牌。', '冷戰時期,美蘇兩國競相製造核彈頭。'],
};

describe('the stance model', () => {
  it('tells sentences that use the frame from those that critique it and from those that only share its words, in English and both Chinese scripts', () => {
    for (const sentence of SENTENCES.uses) expect(stances(sentence), sentence).toEqual(['uses']);
    for (const sentence of SENTENCES.critiques) expect(stances(sentence), sentence).toEqual(['critiques']);
    for (const sentence of SENTENCES.none) expect(stances(sentence), sentence).toEqual([]);
  });

  it('judges a sentence by its words, not only by whether it holds a trigger', () => {
    expect(judged(SENTENCES.uses[0]!)).toBe('uses');
    expect(judged(SENTENCES.critiques[0]!)).toBe('critiques');
  });

  it('gives each match the probability of its stance', () => {
    const [match] = matchPassages(compiled, [{ text: SENTENCES.uses[1]!, start: 0 }]);
    expect(match?.score).toBeGreaterThan(0.5);
    expect(match?.score).toBeLessThanOrEqual(1);
  });

  it('ships as a small file read without a network request', () => {
    expect(JSON.stringify(weights).length).toBeLessThan(300_000);
    expect(bundledStanceModel().frame.weights.size).toBeGreaterThan(1000);
  });
});
