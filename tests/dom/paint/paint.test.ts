import { describe, expect, it } from 'vitest';
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
