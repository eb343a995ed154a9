import { describe, expect, it } from 'vitest';
import { splitOf, trainingSentences, type LabelledSentence } from '../../../scripts/lib/stance-training';

// Made-up pages, three sentences each: the split is by page, whatever the sentences say.
const sentences: LabelledSentence[] = Array.from({ length: 3000 }, (_, i) => ({
  text: `sentence ${i}`,
  label: 'none',
  lang: 'en',
  script: 'latn',
  headline: false,
  source: `https://example.com/page-${Math.floor(i / 3)}`,
}));
const pages = (list: LabelledSentence[]) => new Set(list.map((s) => s.source));

describe("a cross-validation fold's training sentences", () => {
  it('are every sentence of the other folds, never the test fold nor the judged one', () => {
    const train = trainingSentences(sentences, 2);
    expect(train.some((s) => splitOf(s.source) === 'test' || splitOf(s.source) === 2)).toBe(false);
    expect(train.length).toBe(sentences.filter((s) => ![2, 'test'].includes(splitOf(s.source))).length);
  });

  it('for the learning curve, are whole pages, about the share asked, each share within the next', () => {
    const all = trainingSentences(sentences, 0);
    const quarter = trainingSentences(sentences, 0, 0.25);
    const half = trainingSentences(sentences, 0, 0.5);
    expect(pages(quarter).size / pages(all).size).toBeCloseTo(0.25, 1);
    expect(pages(half).size / pages(all).size).toBeCloseTo(0.5, 1);
    for (const page of pages(quarter)) expect(pages(half).has(page)).toBe(true);
    for (const page of pages(half)) expect(half.filter((s) => s.source === page)).toEqual(all.filter((s) => s.source === page));
  });
});
