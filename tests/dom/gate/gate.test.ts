import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHtmlAnalyzer } from '../../../src/pipeline/html-analyzer';
import { gatePage } from '../../../src/gate/gate';
import { bundledGate } from '../../support/bundled-gate';

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const FRAMED = readFileSync('tests/fixtures/pages/arms-race/source.html', 'utf8');

const ARTICLE = `<article><h1>Notes from the pitch</h1>${'<p>The second half was faster than the first: the home side pressed high, won the ball back twice in their own box, and the visitors never found the space they needed to run at the back line.</p>'.repeat(5)}</article>`;
/** An article whose only words about AI are in a script. */
const SCRIPT_ONLY = `<body>${ARTICLE}<script>window.topics = ["AI race", "China"]</script></body>`;
/** The library's words, in a page that is not laid out as an article. */
const NOT_AN_ARTICLE = '<body><nav><a href="/a">We must win the AI race against China</a></nav></body>';

describe('the page gate (where pages are read: the gate script has looked for the words first)', () => {
  it('turns a page away where only a script speaks of AI, on its text without the scripts', () => {
    expect(gatePage(page(SCRIPT_ONLY), 'https://news.example/story', bundledGate)).toEqual({ run: false, reason: 'no-trigger-words' });
  });

  it('turns away a page with the words that is not laid out as an article', () => {
    expect(gatePage(page(NOT_AN_ARTICLE), 'https://news.example/story', bundledGate)).toEqual({ run: false, reason: 'not-an-article' });
  });

  it('lets a framed article on, and turns away any page that is not on the web', () => {
    expect(gatePage(page(FRAMED), 'https://news.example/story', bundledGate)).toEqual({ run: true });
    expect(gatePage(page(FRAMED), 'file:///home/reader/story.html', bundledGate)).toEqual({ run: false, reason: 'not-http' });
    // The scheme in any case is the web's; a longer one, or "http" elsewhere in the address, is not.
    expect(gatePage(page(FRAMED), 'HTTP://news.example/story', bundledGate)).toEqual({ run: true });
    for (const url of ['httpx://news.example/story', 'chrome-extension://abc/http:', 'about:blank', 'http'])
      expect(gatePage(page(FRAMED), url, bundledGate), url).toEqual({ run: false, reason: 'not-http' });
  });
});

describe('reading a page away from it (the offscreen document, Firefox’s background page)', () => {
  const read = createHtmlAnalyzer(new DOMParser(), true);

  it('runs the gate on the copy first: a page it turns away is not given to Readability', () => {
    for (const html of [SCRIPT_ONLY, NOT_AN_ARTICLE]) {
      const reading = read(`<!doctype html><html><head><title>Turned away</title></head>${html}</html>`, []);
      expect(reading).toMatchObject({ title: 'Turned away', articleText: null, matches: [] });
      expect(Object.keys(reading.timings!)).not.toContain('extract');
    }
  });

  it('reads a page the gate lets on', () => {
    const reading = read(FRAMED, []);
    expect(Object.keys(reading.timings!)).toEqual(expect.arrayContaining(['parse', 'gate', 'extract', 'match']));
    expect(reading.matches.length).toBeGreaterThan(5);
  });
});
