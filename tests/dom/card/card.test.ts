import { afterEach, describe, expect, it } from 'vitest';
import { CARD_TAG, openCard } from '../../../src/card/card';
import type { CardView } from '../../../src/card/card-view';
import { readFileSync } from 'node:fs';
import { cardLibraryFor, cardViewFor } from '../../../src/card/card-view';
import { bundledLibrary } from '../../../src/claims/library';
import { compileLibrary } from '../../../src/match/compile';
import { matchPassages } from '../../../src/match/match';
import { inEnglish, translatorFor } from '../../support/translate';

const inChinese = translatorFor(JSON.parse(readFileSync('public/_locales/zh_CN/messages.json', 'utf8')));

const hostile = '<img src=x onerror="window.pwned=1">“beat China”';
const view: CardView = {
  stance: 'uses',
  language: 'en',
  frames: [
    {
      name: 'Beating China',
      assumes: 'One winner.',
      claims: [{ quote: hostile, says: 'The goal is to beat China.', stance: 'uses' }],
      leavesOut: [
        {
          id: 'a',
          text: 'Different lanes.',
          source: {
            label: 'Title, IEEE Spectrum, 2026-02-19',
            url: 'https://spectrum.ieee.org/us-china-ai',
            notes: [],
            quote: 'Running in very different lanes.',
            speaker: 'Selina Xu',
          },
        },
      ],
      holds: [{ id: 'b', text: 'Chips are contested.', source: { label: 'Title, A write-up', notes: ['It came to us as text.'], quote: 'A line.' } }],
    },
  ],
};
const box = { left: 10, top: 10, right: 200, bottom: 30, width: 190, height: 20, x: 10, y: 10, toJSON() {} } as DOMRect;

afterEach(() => {
  document.documentElement.querySelectorAll(CARD_TAG).forEach((e) => e.remove());
  document.body.innerHTML = '';
});

describe('openCard', () => {
  it('shows the frame, the claim and sourced counterpoints in a labelled dialog inside a shadow root', () => {
    const card = openCard(document, () => [box], view, { t: inEnglish });
    const root = card.host.shadowRoot!;
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toMatch(/arms-race frame/);
    expect(dialog.textContent).toContain('Beating China');
    expect(dialog.textContent).toContain('Different lanes.');
    expect(dialog.textContent).toContain('Where the frame holds');
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://spectrum.ieee.org/us-china-ai');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it("says in plain words which words carry the frame and what the claim says, and where a quote is the source's own voice", () => {
    const card = openCard(document, () => [box], view, { t: inEnglish });
    const root = card.host.shadowRoot!;
    expect(root.querySelector('.why')!.textContent).toBe(`The words ${hostile} carry this frame.`);
    expect(root.querySelector('.says')!.textContent).toBe('The passage makes the claim: The goal is to beat China.');
    const sources = [...root.querySelectorAll('.source')].map((s) => s.textContent);
    expect(sources[0]).toBe('Running in very different lanes. (Selina Xu). Source: Title, IEEE Spectrum, 2026-02-19');
    expect(sources[1]).toBe('A line. (the source in its own voice). Source: Title, A write-up It came to us as text.');
  });

  it('shows a frame once, with each of its claims in the passage, and a section per frame', () => {
    const compiled = compileLibrary(bundledLibrary);
    const text = 'We are losing the AI race and falling behind China, and we must beat China.';
    const matches = matchPassages(compiled, [{ text, start: 0 }]);
    const frames = new Set(matches.map((m) => m.frameId));
    expect(matches.length).toBeGreaterThan(frames.size);
    const card = openCard(document, () => [box], cardViewFor(matches, cardLibraryFor(compiled, matches), 'en'), { t: inEnglish });
    const root = card.host.shadowRoot!;
    const names = [...root.querySelectorAll('.frame')].map((f) => f.textContent);
    expect(names).toEqual([...frames].map((id) => bundledLibrary.frames.find((f) => f.id === id)!.name));
    expect(root.querySelectorAll('.says')).toHaveLength(matches.length);
    for (const section of root.querySelectorAll('.frame-section')) expect(section.querySelectorAll('.holds li').length).toBeGreaterThan(0);
  });

  it("is in Chinese for a reader whose browser is in Chinese: its own words and the library's", () => {
    const compiled = compileLibrary(bundledLibrary);
    const matches = matchPassages(compiled, [{ text: '我们必须在人工智能竞赛中打败中国。', start: 0 }]);
    expect(matches.length).toBeGreaterThan(0);
    const card = openCard(document, () => [box], cardViewFor(matches, cardLibraryFor(compiled, matches), 'zh'), { t: inChinese });
    const dialog = card.host.shadowRoot!.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('lang')).toBe('zh-Hans');
    // Everything but the quotes and the sources' own titles, which stay as their sources wrote them.
    const ours = [...dialog.querySelectorAll('h2, h3, .frame, .assumes, .why, .says, .point')].map((e) => e.textContent ?? '');
    expect(ours.length).toBeGreaterThan(5);
    for (const text of ours) expect(text.replace(/[A-Za-z0-9%$"“”.,:;()\s-]+/g, '').length / text.length, text).toBeGreaterThan(0.5);
    expect(dialog.querySelector('h3')!.textContent).toBe(inChinese('cardLeavesOut'));
  });

  it('shows page text as text, never as markup', () => {
    const card = openCard(document, () => [box], view, { t: inEnglish });
    const root = card.host.shadowRoot!;
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('mark')!.textContent).toBe(hostile);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('closes on Escape and gives focus back to where it was', () => {
    document.body.innerHTML = '<button id="before">before</button>';
    const before = document.getElementById('before')!;
    before.focus();
    let closed = 0;
    const card = openCard(document, () => [box], view, { t: inEnglish, onClose: () => closed++ });
    expect(card.host.shadowRoot!.activeElement?.getAttribute('role')).toBe('dialog');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.querySelector(CARD_TAG)).toBeNull();
    expect(document.activeElement).toBe(before);
    expect(closed).toBe(1);
    card.close();
    expect(closed).toBe(1);
  });

  it('closes on its close button and on a click outside, not on a click inside', () => {
    const card = openCard(document, () => [box], view, { t: inEnglish });
    card.host.shadowRoot!.querySelector('.point')!.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(card.host.isConnected).toBe(true);
    (card.host.shadowRoot!.querySelector('button.close') as HTMLButtonElement).click();
    expect(card.host.isConnected).toBe(false);
    const again = openCard(document, () => [box], view, { t: inEnglish });
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(again.host.isConnected).toBe(false);
  });
});
