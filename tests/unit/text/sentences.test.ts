import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/text/sentences';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits English sentences without breaking after abbreviations such as U.S.', () => {
    expect(split('The U.S. Department of Defense launched a strategy. China did not. Mr. Xu disagrees.')).toEqual([
      'The U.S. Department of Defense launched a strategy.',
      'China did not.',
      'Mr. Xu disagrees.',
    ]);
  });

  it('splits Chinese sentences at 。！？', () => {
    expect(split('中美之间存在竞争。但这不是零和游戏！对吗？')).toEqual(['中美之间存在竞争。', '但这不是零和游戏！', '对吗？']);
  });

  it('gives offsets into the text, trimmed of spaces', () => {
    const text = '  One.   Two.  ';
    expect(splitSentences(text)).toEqual([
      { start: 2, end: 6 },
      { start: 9, end: 13 },
    ]);
  });
});
