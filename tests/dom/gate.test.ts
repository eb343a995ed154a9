import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gatePage } from '../../src/extract/gate';
import type { Measure } from '../../src/measure';
import { bundledGate } from '../support/bundled-gate';

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');

const ARTICLE = `<article><h1>Notes from the pitch</h1>${'<p>The second half was faster than the first: the home side pressed high, won the ball back twice in their own box, and the visitors never found the space they needed to run at the back line.</p>'.repeat(5)}</article>`;

/** gatePage on `doc`, with the names of the steps it took. */
function gated(doc: Document) {
  const steps: string[] = [];
  const measure: Measure = (stage, work) => {
    steps.push(stage);
    return work();
  };
  return { result: gatePage(doc, 'https://news.example/story', bundledGate, measure), steps };
}

describe('the page gate (the reader’s part: the gate script has looked for the words first)', () => {
  it('turns a page away where only a script speaks of AI, on its text without the scripts', () => {
    const { result, steps } = gated(page(`<body>${ARTICLE}<script>window.topics = ["AI race", "China"]</script></body>`));
    expect(result).toEqual({ run: false, reason: 'no-trigger-words' });
    expect(steps).toEqual(['gate-text', 'gate-scan']);
  });

  it('turns away a page with the words that is not laid out as an article', () => {
    const { result, steps } = gated(page('<body><nav><a href="/a">We must win the AI race against China</a></nav></body>'));
    expect(result).toEqual({ run: false, reason: 'not-an-article' });
    expect(steps).toEqual(['gate-text', 'gate-scan', 'gate-readerable']);
  });

  it('lets a framed article through every step', () => {
    const { result, steps } = gated(page(readFileSync('tests/fixtures/pages/arms-race-article.html', 'utf8')));
    expect(result).toEqual({ run: true });
    expect(steps).toEqual(['gate-text', 'gate-scan', 'gate-readerable']);
  });
});
