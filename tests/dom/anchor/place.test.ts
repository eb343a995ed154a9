import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeHtml } from '../../../src/pipeline/analyze';
import { anchorSteps } from '../../../src/anchor/anchor';
import { elementAt, markPlaces, placeOf } from '../../../src/anchor/place';
import { bundledLibrary } from '../../../src/claims/library';
import { extractArticle } from '../../../src/extract/extract';
import { compileLibrary, eagerSource } from '../../../src/match/compile';
import { serializePage } from '../../../src/page/remote-analysis';
import type { Steps } from '../../../src/tasks/steps';

const source = eagerSource(compileLibrary(bundledLibrary));

/** Runs steps to the end, counting the pauses: each pause is one more slice of the page read. */
function runCounting<T>(steps: Steps<T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, pauses };
    pauses++;
  }
}

/** The extension's trip: the live page serialised, parsed away from it, read; the reading anchored on the live page. */
function readAndAnchor(html: string, nodesPerStep = 10) {
  document.documentElement.innerHTML = html;
  const reading = analyzeHtml(serializePage(document)!, source, new DOMParser());
  return { reading, ...runCounting(anchorSteps(document.body, reading.articleText!, reading.matches, nodesPerStep)) };
}

const FRAMED = 'Officials insist that America must win the AI race against China.';
const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} of the page says nothing about the subject at all, at length.</p>`).join('');

describe('where an article block stands on the page', () => {
  it('counts each tag in document order, as a page with scripting on has it (no elements inside noscript)', () => {
    const doc = new DOMParser().parseFromString('<p>one</p><noscript><p>fallback</p></noscript><div><p>two</p></div>', 'text/html');
    markPlaces(doc);
    const [, fallback, two] = [...doc.querySelectorAll('p')];
    expect(placeOf(two!)).toEqual({ tag: 'p', index: 1 });
    expect(fallback!.hasAttribute('data-counterframe-place')).toBe(false);
    // An element Readability made up has its nearest marked ancestor's place.
    const made = doc.createElement('p');
    doc.querySelector('div')!.append(made);
    expect(placeOf(made)).toEqual({ tag: 'div', index: 0 });
  });

  it('is not found in text a reader does not read, or outside the root', () => {
    document.body.innerHTML = '<nav><p>menu</p></nav><p>text</p>';
    expect(elementAt(document.body, { tag: 'p', index: 0 })).toBeUndefined();
    expect(elementAt(document.body, { tag: 'p', index: 1 })?.textContent).toBe('text');
    expect(elementAt(document.body, { tag: 'p', index: 2 })).toBeUndefined();
    expect(elementAt(document.body.querySelector('nav')!, { tag: 'p', index: 1 })).toBeUndefined();
  });
});

describe('anchoring by place', () => {
  it('reads only the matched blocks of the live page, not all of it, after the trip through serialised HTML', () => {
    const html = `<head><title>t</title><script>var p = "<p>not text</p>"</script></head><body><header>${filler(5)}</header><article><h1>Headline</h1>${filler(40)}<p>${FRAMED}</p>${filler(40)}<svg><path d="M0 0h1"/></svg><p>Critics call the so-called AI race a myth.</p>${filler(40)}</article></body>`;
    const { reading, value, pauses } = readAndAnchor(html);
    expect(reading.matches.length).toBeGreaterThanOrEqual(2);
    expect(reading.matches.every((m) => m.place?.tag === 'p')).toBe(true);
    expect(value.map((a) => a.sentence.toString())).toEqual([FRAMED, 'Critics call the so-called AI race a myth.']);
    // It pauses between sentences; reading the whole page, ten nodes a step, would pause dozens of times more.
    expect(pauses).toBe(value.length - 1);
  });

  it('falls back to the whole page when a block is no longer where the copy had it', () => {
    document.documentElement.innerHTML = `<body><article>${filler(30)}<p>${FRAMED}</p>${filler(30)}</article></body>`;
    const reading = analyzeHtml(serializePage(document)!, source, new DOMParser());
    // The page changes after it was copied: a paragraph arrives before the article's.
    document.querySelector('article')!.prepend(Object.assign(document.createElement('p'), { textContent: 'Breaking: an update.' }));
    const { value, pauses } = runCounting(anchorSteps(document.body, reading.articleText!, reading.matches, 10));
    expect(value.map((a) => a.sentence.toString())).toEqual([FRAMED]);
    expect(pauses).toBeGreaterThan(5);
  });

  it('anchors every highlight of the framed fixture by place when the page is read where it stands', () => {
    const html = readFileSync('tests/fixtures/pages/arms-race/source.html', 'utf8');
    document.documentElement.innerHTML = /<html[^>]*>([\s\S]*)<\/html>/i.exec(html)![1]!;
    const article = extractArticle(document)!;
    expect(article.passages.every((p) => p.place)).toBe(true);
    const reading = analyzeHtml(serializePage(document)!, source, new DOMParser());
    const { value, pauses } = runCounting(anchorSteps(document.body, reading.articleText!, reading.matches, 10));
    expect(value.length).toBe(new Set(reading.matches.map((m) => m.sentenceStart)).size);
    expect(pauses).toBe(value.length - 1);
  });
});
