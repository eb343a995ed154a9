import { Readability } from '@mozilla/readability';
import { describe, expect, it, vi } from 'vitest';
import { MAX_FLAGGED_SENTENCES, analyzeArticle } from '../../../src/pipeline/analyze';
import { bundledLibrary } from '../../../src/claims/library';
import { extractArticle, READABILITY_MAX_TEXT } from '../../../src/extract/extract';
import { gatePage, GATE_TEXT_LIMIT } from '../../../src/gate/gate';
import { compileLibrary } from '../../../src/match/compile';
import { gateDataOf } from '../../../src/gate/words';
import { hugeArticle } from '../../support/huge-article';

const compiled = compileLibrary(bundledLibrary);

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('the work on a very large page is bounded', () => {
  it('flags at most MAX_FLAGGED_SENTENCES sentences, the first ones', () => {
    const sentence = 'America must win the AI race against China.';
    const doc = page(`<article>${Array.from({ length: MAX_FLAGGED_SENTENCES + 100 }, (_, i) => `<p>Part ${i}. ${sentence}</p>`).join('')}</article>`);
    const reading = analyzeArticle(doc, compiled);
    const sentences = new Set(reading.matches.map((m) => m.sentenceStart));
    expect(sentences.size).toBe(MAX_FLAGGED_SENTENCES);
    expect(Math.max(...sentences)).toBeLessThan(reading.articleText!.indexOf(`Part ${MAX_FLAGGED_SENTENCES}.`));
  });

  it('reads a page with more text than Readability copes with from its main element, without Readability', { timeout: 120_000 }, () => {
    const parse = vi.spyOn(Readability.prototype, 'parse');
    const html = hugeArticle(READABILITY_MAX_TEXT * 1.5).replace('<aside class="related">', '<aside class="related"><p>Sidebar: the AI race is on.</p>');
    const doc = page(html);
    expect(doc.body.textContent.length).toBeGreaterThan(READABILITY_MAX_TEXT);
    const article = extractArticle(doc, true)!;
    expect(parse).not.toHaveBeenCalled();
    expect(article.passages[0]!.text).toBe('Part 1');
    expect(article.text).toContain('We are in an AI arms race with China');
    expect(article.text).not.toContain('Sidebar');
  });

  it('lets the gate read no more than GATE_TEXT_LIMIT characters of text', () => {
    const filler = `<p>${'Lorem ipsum dolor sit amet. '.repeat(2000)}</p>`;
    const late = '<p>We are in an AI arms race with China, officials say, and it is one we must win at any cost.</p>';
    const doc = page(`<article>${filler.repeat(Math.ceil(GATE_TEXT_LIMIT / 56_000) + 1)}${late}</article>`);
    expect(gatePage(doc, 'https://example.com/', gateDataOf(bundledLibrary))).toEqual({ run: false, reason: 'no-trigger-words' });
  });
});
