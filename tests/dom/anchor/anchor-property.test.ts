import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorMatches } from '../../../src/anchor/anchor';
import { bundledLibrary } from '../../../src/claims/library';
import { passagesOf } from '../../../src/extract/extract';
import { compileLibrary } from '../../../src/match/compile';
import { matchPassages } from '../../../src/match/match';

const compiled = compileLibrary(bundledLibrary);

// Sentences to build articles from: framed, critiquing and plain, English and Chinese.
const SENTENCES = [
  'America must win the AI race against China.',
  'We are in an AI arms race with Beijing, officials say.',
  'Headlines cast AI as a zero-sum rivalry between the U.S. and China.',
  'The hospital uses AI to plan its staff rotas.',
  'Chinese labs have closed the gap with OpenAI at a fraction of the cost.',
  'The weather in Ohio was mild this week.',
  '中美人工智能军备竞赛正在加速。',
  'DeepSeek was a Sputnik moment for Silicon Valley, the senator said.',
];
const INLINE = ['a', 'em', 'strong', 'span', 'b'];
const SPACES = [' ', '  ', '\n   ', '\u00a0', ' \t'];

/** The paragraph as HTML: its words cut into random inline elements, its spaces made irregular. */
const markedUp = (sentence: string) =>
  fc.tuple(fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), fc.array(fc.nat(), { minLength: 60, maxLength: 60 })).map(([cuts, spaces]) => {
    // Chinese has no spaces: cut it into pieces of characters instead of words.
    const words = /\p{Script=Han}/u.test(sentence) ? sentence.match(/.{1,3}/gu)! : sentence.split(' ');
    const glue = /\p{Script=Han}/u.test(sentence) ? () => '' : (i: number) => SPACES[spaces[i]! % SPACES.length]!.replace('\u00a0', '&nbsp;');
    let html = '';
    let i = 0;
    while (i < words.length) {
      const take = 1 + (cuts[i]! % 3);
      const piece = words
        .slice(i, i + take)
        .map((w, k) => (k > 0 ? glue(i + k) : '') + w.replace(/&/g, '&amp;'))
        .join('');
      const tag = INLINE[cuts[i]! % (INLINE.length + 2)];
      html += (i > 0 ? glue(i) : '') + (tag ? `<${tag}>${piece}</${tag}>` : piece);
      i += take;
    }
    return html;
  });

describe('anchoring, for random articles split across random inline markup', () => {
  it('finds in the page exactly the quotes that matching finds in the plain text', () => {
    const article = fc.array(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        article.chain((paragraphs) => fc.tuple(fc.constant(paragraphs), fc.tuple(...paragraphs.map((p) => fc.tuple(...p.map(markedUp)))))),
        ([paragraphs, html]) => {
          const plain = paragraphs.map((p) => p.join(' '));
          document.body.innerHTML = `<article>${html.map((p) => `<p>${p.join(' ')}</p>`).join('\n')}</article>`;
          const { text, passages } = passagesOf(plain);
          const matches = matchPassages(compiled, passages);
          const anchored = anchorMatches(document.body, text, matches);
          const found = anchored.flatMap((a) => a.quotes.map((q) => q.toString().replace(/\s+/g, ' ')));
          expect(found.sort()).toEqual(matches.map((m) => m.quote).sort());
        },
      ),
      { numRuns: 150 },
    );
  });
});
