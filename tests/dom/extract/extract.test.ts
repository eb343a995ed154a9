import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/extract';

const paragraphs = Array.from(
  { length: 5 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of a long report on how the region's ports, rail lines and warehouses changed over a decade of new trade routes, with figures from each of the five largest operators.</p>`,
).join('');

const page = (head: string, body: string) =>
  new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');

describe('the article as read (extract)', () => {
  it('reads the headline as the first passage, with the place of its h1 on the page, though Readability leaves it out', () => {
    const doc = page(
      '<title>Ports in a storm | The Ledger</title>',
      `<header><a href="/">The Ledger</a></header><article><h1>Ports in a storm</h1>${paragraphs}</article>`,
    );
    const article = extractArticle(doc)!;
    expect(article.passages[0]).toMatchObject({ text: 'Ports in a storm', start: 0, place: { tag: 'h1', index: 0 } });
    expect(article.text.startsWith('Ports in a storm\n\nParagraph 1')).toBe(true);
  });

  it('reads the title where the page has no h1 that says it, and nothing twice', () => {
    const noHeading = extractArticle(page('<title>Ports in a storm</title>', `<article>${paragraphs}</article>`))!;
    expect(noHeading.passages[0]).toEqual({ text: 'Ports in a storm', start: 0 });
    const otherHeading = extractArticle(page('<title>Ports in a storm</title>', `<article><h1>Subscribe today</h1>${paragraphs}</article>`))!;
    expect(otherHeading.passages[0]?.text).toBe('Ports in a storm');
    expect(otherHeading.passages.filter((p) => p.text === 'Ports in a storm')).toHaveLength(1);
  });
});
