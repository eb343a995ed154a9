import { describe, expect, it } from 'vitest';
import { matchAt, parsePattern, PatternError } from '../../../src/match/pattern';
import { tokenize } from '../../../src/match/tokens';

function matches(pattern: string, text: string): string | null {
  const p = parsePattern(pattern);
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const end = matchAt(p, tokens, i);
    if (end > i) return text.slice(tokens[i]!.start, tokens[end - 1]!.end);
  }
  return null;
}

describe('tokenize', () => {
  it('splits words, keeps contractions, drops possessives and splits Han characters', () => {
    expect(tokenize("China's AI isn't zero-sum, U.S. 军备竞赛").map((t) => t.norm)).toEqual([
      'china',
      'ai',
      "isn't",
      'zero',
      'sum',
      'u',
      's',
      '军',
      '备',
      '竞',
      '赛',
    ]);
  });

  it('reports offsets into the text and makes curly apostrophes straight', () => {
    const [first, second] = tokenize('  isn’t  race');
    expect(first).toMatchObject({ cased: "isn't", start: 2, end: 7 });
    expect(second).toMatchObject({ norm: 'race', start: 9, end: 13 });
  });
});

describe('the pattern language', () => {
  it('matches words in sequence, whatever their case or hyphenation', () => {
    expect(matches('arms race', 'The AI Arms-Race is on')).toBe('Arms-Race');
    expect(matches('zero-sum', 'a zero sum game')).toBe('zero sum');
  });

  it('treats | as alternatives for one word and _ as words joined into one alternative', () => {
    expect(matches('win|beat China', 'we must beat China')).toBe('beat China');
    expect(matches('get_to|reach AGI first', 'they want to get to AGI first')).toBe('get to AGI first');
    expect(matches('get_to|reach AGI first', 'they want to get AGI first')).toBeNull();
  });

  it('makes a word optional with ? and prefers the longest match', () => {
    expect(matches('win the? race', 'win race')).toBe('win race');
    expect(matches('win the? ai? race', 'win the AI race')).toBe('win the AI race');
  });

  it('matches word beginnings with *', () => {
    expect(matches('outcompet* China', 'outcompeting China')).toBe('outcompeting China');
    expect(matches('outcompet* China', 'out China')).toBeNull();
  });

  it('allows up to N words in a gap and no more', () => {
    expect(matches('lose ~2 to China', 'lose the lead to China')).toBe('lose the lead to China');
    expect(matches('lose ~2 to China', 'lose the big fat lead to China')).toBeNull();
  });

  it('matches capitalised alternatives case-sensitively', () => {
    expect(matches('US|U.S. lead', 'the US lead')).toBe('US lead');
    expect(matches('US|U.S. lead', 'the U.S. lead')).toBe('U.S. lead');
    expect(matches('US lead', 'let us lead')).toBeNull();
  });

  it('reads Chinese character by character, gaps counted in characters', () => {
    expect(matches('军备竞赛', '中美人工智能军备竞赛正在加速')).toBe('军备竞赛');
    expect(matches('赢得 ~12 竞赛', '美国决心赢得这场与中国的人工智能竞赛')).toBe('赢得这场与中国的人工智能竞赛');
  });

  it('refuses patterns it cannot run safely or cannot read, saying why', () => {
    const error = (source: string) => {
      try {
        parsePattern(source);
        return '';
      } catch (e) {
        expect(e).toBeInstanceOf(PatternError);
        return (e as Error).message;
      }
    };
    expect(error('')).toMatch(/empty/);
    expect(error('race?')).toMatch(/start with a required word/);
    expect(error('arms ~3')).toMatch(/end with a required word/);
    expect(error('a ~99 b')).toMatch(/gap is ~1 to ~12/);
    expect(error('(a+)+b')).toMatch(/does not know/);
    expect(error('ra* race')).toMatch(/at least 3 letters/);
    expect(error('x'.repeat(301))).toMatch(/longer than 300/);
    expect(error(Array.from({ length: 13 }, () => 'w').join(' '))).toMatch(/more than 12 words/);
  });

  it('never backtracks: the worst pattern it accepts still answers on a long text', () => {
    // Nested optional words inside wide gaps are what make a backtracking engine explode.
    const p = parsePattern('a ~12 a? ~12 a? ~12 a? ~12 a? ~12 b');
    const tokens = tokenize(`${'a '.repeat(5000)}b`);
    const ends = tokens.map((_, i) => matchAt(p, tokens, i));
    // A match may start up to 1 + 5 × 12 + 4 = 65 words before "b".
    expect(ends.filter((end) => end === tokens.length).length).toBe(65);
    expect(ends[0]).toBe(-1);
  });
});
