import { describe, expect, it } from 'vitest';
import { anchorMatches, findQuote, selectorFor } from '../../../src/anchor/anchor';
import { passagesOf } from '../../../src/extract/extract';
import type { Match } from '../../../src/match/match';
import { buildTextIndex, pointAt } from '../../../src/text/dom-text';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** A match covering `sentence` in an article made of these paragraphs, with `quote` inside it. */
function matchIn(paragraphs: string[], sentence: string, quote: string): { text: string; match: Match } {
  const { text } = passagesOf(paragraphs);
  const sentenceStart = text.indexOf(sentence);
  const start = text.indexOf(quote, sentenceStart);
  return {
    text,
    match: {
      frameId: 'f',
      claimId: 'c',
      stance: 'uses',
      quote,
      sentence,
      start,
      end: start + quote.length,
      sentenceStart,
      sentenceEnd: sentenceStart + sentence.length,
    },
  };
}

describe('buildTextIndex and pointAt', () => {
  it('collapses whitespace as a browser renders it and maps every offset back to the DOM', () => {
    const root = page('<p>  We are  in an <a href="#">AI\n arms</a>&nbsp;race</p><p>with <em>China</em>.</p><script>var race = 1</script>');
    const index = buildTextIndex(root);
    expect(index.text).toBe('We are in an AI arms race with China.');
    for (let start = 0; start < index.text.length; start++) {
      for (const end of [start + 1, Math.min(index.text.length, start + 7)]) {
        const from = pointAt(index, start, false)!;
        const to = pointAt(index, end, true)!;
        const range = document.createRange();
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
        // Between paragraphs the DOM has no space character: compare the characters themselves.
        expect(range.toString().replace(/\s+/g, ''), `${start}-${end}`).toBe(index.text.slice(start, end).replace(/\s+/g, ''));
      }
    }
  });

  it('leaves out what is not article text: scripts, editable areas, navigation, our own card', () => {
    const root = page(
      '<nav>Menu race</nav><p>Text</p><div contenteditable="true">draft</div><textarea>note</textarea><counterframe-card>card</counterframe-card>',
    );
    expect(buildTextIndex(root).text).toBe('Text');
  });
});

describe('findQuote', () => {
  it('picks the occurrence whose surroundings agree with the prefix and suffix', () => {
    const text = 'Pull quote: we must beat China. Body: officials say we must beat China. End.';
    const found = findQuote(text, { exact: 'we must beat China.', prefix: 'officials say ', suffix: ' End.' });
    expect(found?.start).toBe(text.lastIndexOf('we must beat China.'));
  });

  it('returns null when the text is gone', () => {
    expect(findQuote('nothing here', { exact: 'beat China', prefix: '', suffix: '' })).toBeNull();
  });
});

describe('anchorMatches', () => {
  it('finds a quote that crosses inline markup, entities and collapsed whitespace', () => {
    const root = page(
      '<article><p>Intro.</p><p>We are in an <a href="/x">AI <em>arms</em></a>&nbsp;race\n   with <span>China</span>, officials say.</p></article>',
    );
    const { text, match } = matchIn(
      ['Intro.', 'We are in an AI arms race with China, officials say.'],
      'We are in an AI arms race with China, officials say.',
      'arms race',
    );
    const [anchored] = anchorMatches(root, text, [match]);
    expect(anchored).toBeDefined();
    expect(anchored!.sentence.toString().replace(/\s+/g, ' ')).toBe('We are in an AI arms race with China, officials say.');
    expect(anchored!.quotes[0]!.toString().replace(/\s+/g, ' ')).toBe('arms race');
  });

  it('drops a match whose sentence is no longer on the page', () => {
    const root = page('<p>Entirely different text.</p>');
    const { text, match } = matchIn(['We must beat China.'], 'We must beat China.', 'beat China');
    expect(anchorMatches(root, text, [match])).toEqual([]);
  });

  it('groups matches of one sentence into one passage', () => {
    const root = page('<p>Keep America ahead of China in AI.</p>');
    const sentence = 'Keep America ahead of China in AI.';
    const a = matchIn([sentence], sentence, 'Keep America ahead of China');
    const b = matchIn([sentence], sentence, 'ahead of China');
    const anchored = anchorMatches(root, a.text, [a.match, b.match]);
    expect(anchored).toHaveLength(1);
    expect(anchored[0]!.quotes.map((r) => r.toString())).toEqual(['Keep America ahead of China', 'ahead of China']);
  });

  it('builds selectors from the article text with blank lines read as spaces', () => {
    expect(selectorFor('One.\n\nTwo three.', 6, 9)).toEqual({ exact: 'Two', prefix: 'One. ', suffix: ' three.' });
  });
});

describe('anchoring repeated text', () => {
  it('puts each of several identical paragraphs on its own occurrence, in reading order', () => {
    const paragraph = 'We must win the AI race against China. Nothing else matters now.';
    document.body.innerHTML = `<article>${Array.from({ length: 4 }, () => `<p>${paragraph}</p>`).join('')}</article>`;
    const text = Array.from({ length: 4 }, () => paragraph).join('\n\n');
    const matches = Array.from({ length: 4 }, (_, i) => {
      const sentenceStart = i * (paragraph.length + 2);
      const sentenceEnd = sentenceStart + 'We must win the AI race against China.'.length;
      return {
        frameId: 'f',
        claimId: 'c',
        stance: 'uses' as const,
        quote: 'win the AI race',
        sentence: text.slice(sentenceStart, sentenceEnd),
        start: sentenceStart + 8,
        end: sentenceStart + 23,
        sentenceStart,
        sentenceEnd,
      };
    });
    const anchored = anchorMatches(document.body, text, matches);
    const paragraphs = [...document.querySelectorAll('p')];
    expect(anchored.map((a) => paragraphs.indexOf(a.sentence.startContainer.parentElement as HTMLParagraphElement))).toEqual([0, 1, 2, 3]);
  });
});
