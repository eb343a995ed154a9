import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPainter } from '../../../src/paint/paint';

function rangeOver(node: Node, start: number, endNode: Node, end: number): Range {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(endNode, end);
  return range;
}

describe('the wrapping painter (where CSS.highlights is missing)', () => {
  it('is the one chosen when the browser has no highlight registry', () => {
    expect('highlights' in (globalThis.CSS ?? {})).toBe(false);
    expect(createPainter(document).mode).toBe('wrap');
  });

  it('marks exactly the range, across elements, and restores the DOM node for node on clear', () => {
    document.body.innerHTML = '<p id="p">We are in an <a href="#">AI arms</a> race with <em>China</em>, today.</p>';
    const p = document.getElementById('p')!;
    const before = p.innerHTML;
    const nodesBefore = Array.from(p.querySelectorAll('*')).length + p.childNodes.length;
    const first = p.firstChild as Text;
    const last = p.lastChild as Text;
    const painter = createPainter(document);
    painter.paint([{ sentence: rangeOver(first, 3, last, 1), quotes: [], stance: 'uses' }]);
    const marked = Array.from(p.querySelectorAll('mark[data-counterframe="uses"]'))
      .map((m) => m.textContent)
      .join('');
    expect(marked).toBe('are in an AI arms race with China,');
    painter.clear();
    expect(p.innerHTML).toBe(before);
    expect(Array.from(p.querySelectorAll('*')).length + p.childNodes.length).toBe(nodesBefore);
  });

  it('repaints without stacking marks', () => {
    document.body.innerHTML = '<p id="p">Beat China now.</p>';
    const p = document.getElementById('p')!;
    const text = p.firstChild as Text;
    const painter = createPainter(document);
    painter.paint([{ sentence: rangeOver(text, 0, text, 10), quotes: [], stance: 'critiques' }]);
    // Wrapping moves text nodes, so ranges are taken again from the unpainted page before a repaint.
    painter.clear();
    painter.paint([{ sentence: rangeOver(p.firstChild!, 0, p.firstChild!, 4), quotes: [], stance: 'critiques' }]);
    expect(Array.from(p.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['Beat']);
    painter.clear();
    expect(p.innerHTML).toBe('Beat China now.');
    expect(p.childNodes).toHaveLength(1);
  });
});

describe('the wrapping painter with several passages in one text node', () => {
  it('marks every passage, not only the first, and restores the node', () => {
    document.body.innerHTML = '<p id="p">We must beat China. Then we rest. America must win the AI race.</p>';
    const p = document.getElementById('p')!;
    const text = p.firstChild as Text;
    const painter = createPainter(document);
    const ranges = painter.paint([
      { sentence: rangeOver(text, 0, text, 19), quotes: [], stance: 'uses' },
      { sentence: rangeOver(text, 34, text, 63), quotes: [], stance: 'critiques' },
    ]);
    // The ranges given back cover the marks, since the ones passed in were moved.
    expect(ranges.map((r) => r.toString())).toEqual(['We must beat China.', 'America must win the AI race.']);
    expect(Array.from(p.querySelectorAll('mark')).map((m) => `${m.getAttribute('data-counterframe')}:${m.textContent}`)).toEqual([
      'uses:We must beat China.',
      'critiques:America must win the AI race.',
    ]);
    painter.clear();
    expect(p.innerHTML).toBe('We must beat China. Then we rest. America must win the AI race.');
    expect(p.childNodes).toHaveLength(1);
  });
});

describe('the Highlight API painter', () => {
  /** A highlight registry of the shape the browsers have: jsdom has none. */
  class FakeHighlight extends Set<Range> {
    priority = 0;
    constructor(...ranges: Range[]) {
      super(ranges);
    }
  }
  const registry = new Map<string, FakeHighlight>();
  const view = document.defaultView as unknown as Record<string, unknown>;
  beforeEach(() => {
    view.CSS = { highlights: registry };
    view.Highlight = FakeHighlight;
  });
  afterEach(() => {
    delete view.CSS;
    delete view.Highlight;
    registry.clear();
  });
  const painted = (name: string) => [...(registry.get(name) ?? [])].map((r) => r.toString());

  it('gives the parts of a "uses" passage and of its trigger inside links highlights of their own, above the others, and clears them', () => {
    document.body.innerHTML =
      '<p id="p">We are in an <a href="/tags">AI arms race</a> with China, <a href="/x">says <b>one</b> memo</a>.</p><p><a href="/far">Elsewhere</a>.</p>';
    const p = document.getElementById('p')!;
    const [first, arms] = [p.firstChild as Text, p.querySelector('a')!.firstChild as Text];
    const painter = createPainter(document);
    expect(painter.mode).toBe('highlight-api');
    // The sentence starts inside the first text node and ends inside the second link; the trigger starts inside a link.
    const sentence = rangeOver(first, 3, p.querySelector('b')!.firstChild!, 3);
    painter.paint([{ sentence, quotes: [rangeOver(arms, 3, p.childNodes[2]!, 5)], stance: 'uses' }]);
    expect(painted('counterframe-uses-link')).toEqual(['AI arms race', 'says one']);
    expect(painted('counterframe-trigger-link')).toEqual(['arms race']);
    const priority = (name: string) => registry.get(name)!.priority;
    expect(priority('counterframe-uses-link')).toBeGreaterThan(priority('counterframe-uses'));
    expect(priority('counterframe-uses-link')).toBeGreaterThan(priority('counterframe-trigger'));
    expect(priority('counterframe-trigger-link')).toBeGreaterThan(priority('counterframe-uses-link'));
    painter.clear();
    expect([...registry.keys()]).toEqual([]);
  });

  it('finds the link a passage lies inside, and leaves the links of a critique as they are', () => {
    document.body.innerHTML = '<p><a href="/all" id="a">We must beat China now.</a> Skeptics call it an <a href="/r">arms race</a>.</p>';
    const link = document.getElementById('a')!;
    const inside = link.firstChild as Text;
    createPainter(document).paint([
      { sentence: rangeOver(inside, 0, inside, 23), quotes: [rangeOver(inside, 8, inside, 18)], stance: 'uses' },
      { sentence: rangeOver(link.nextSibling!, 1, link.parentElement!.lastChild!, 1), quotes: [], stance: 'critiques' },
    ]);
    expect(painted('counterframe-uses-link')).toEqual(['We must beat China now.']);
    expect(painted('counterframe-trigger-link')).toEqual(['beat China']);
    expect(painted('counterframe-critiques')).toEqual(['Skeptics call it an arms race.']);
  });
});
