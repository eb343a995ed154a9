import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledLibrary } from '../../src/claims/library';
import { compileLibrary } from '../../src/match/compile';
import { startReader } from '../../src/page/reader';

const compiled = compileLibrary(bundledLibrary);

function load(file: string): void {
  const html = readFileSync(`tests/fixtures/pages/${file}`, 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
}

describe('startReader (the content script path, in jsdom)', () => {
  it('highlights the framed passages of an article and restores the page exactly on stop', () => {
    load('arms-race-article.html');
    const before = document.body.innerHTML;
    const reader = startReader(document, 'https://news.example/opinion/ai-race', compiled);
    expect(reader.analysis.gate).toEqual({ run: true });
    const marked = new Set(Array.from(document.querySelectorAll('mark[data-counterframe]')).map((m) => m.closest('p, h2')!.textContent!.replace(/\s+/g, ' ')));
    expect(marked.size).toBeGreaterThanOrEqual(8);
    expect([...marked].some((p) => p.includes('They mean well, but heavy-handed AI regulation would simply hand China the lead.'))).toBe(true);
    expect(reader.passages.flatMap((p) => p.matches).some((m) => m.stance === 'critiques')).toBe(true);
    reader.stop();
    reader.stop();
    expect(document.body.innerHTML).toBe(before);
  });

  it('does nothing on an article without framing, nor on a page that is not http(s)', () => {
    load('no-framing-article.html');
    const before = document.body.innerHTML;
    expect(startReader(document, 'https://news.example/health', compiled).passages).toEqual([]);
    expect(document.body.innerHTML).toBe(before);
    load('arms-race-article.html');
    const reader = startReader(document, 'file:///home/me/saved.html', compiled);
    expect(reader.analysis.gate).toEqual({ run: false, reason: 'not-http' });
    expect(document.querySelector('mark')).toBeNull();
  });
});
