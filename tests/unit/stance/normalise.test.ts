import { describe, expect, it } from 'vitest';
import { featureNames, sentenceFeatures } from '../../../src/stance/features';
import { normaliseText } from '../../../src/stance/normalise';

describe('normaliseText', () => {
  it('reads Traditional characters as Simplified, one for one', () => {
    expect(normaliseText('軍備競賽')).toBe('军备竞赛');
    expect(normaliseText('美國與中國的冷戰')).toBe('美国与中国的冷战');
  });

  it('makes full-width letters and punctuation half-width, and leaves the rest as it is', () => {
    expect(normaliseText('ＡＩ競賽，')).toBe('AI竞赛,');
    expect(normaliseText('The AI race — “so-called”')).toBe('The AI race — “so-called”');
  });

  it('keeps the text’s length, so that offsets into it stand in the text as written', () => {
    const text = '台灣晶片產業站在美中科技戰的最前線。ＡＩ';
    expect(normaliseText(text)).toHaveLength(text.length);
  });
});

describe('the stance model’s features', () => {
  it('are the same for a sentence in either script', () => {
    expect(sentenceFeatures('中美人工智慧軍備競賽', { bits: 18 })).toEqual(sentenceFeatures('中美人工智慧军备竞赛', { bits: 18 }));
  });

  it('are word 1–2-grams, Han character 1–2-grams (no pair across a script change) and the marks', () => {
    expect(featureNames('Win the 竞赛', ['critique'])).toEqual(['w:win', 'b:<s> win', 'w:the', 'b:win the', 'c:竞', 'cc:竞赛', 'c:赛', 'm:critique']);
  });
});
