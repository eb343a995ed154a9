import { afterEach, describe, expect, it, vi } from 'vitest';
import { CARD_TAG } from '../../../src/card/card';
import { cardLibraryFor } from '../../../src/card/card-view';
import { bundledLibrary } from '../../../src/claims/library';
import { compileLibrary } from '../../../src/match/compile';
import { matchPassages } from '../../../src/match/match';
import { showHighlights } from '../../../src/page/highlighting';
import { inEnglish } from '../../support/translate';

const TEXT = 'We are in an AI arms race with China, and the stakes are as high as any this country has faced since the last century.';

/** Line boxes of 20 px from `top` down, as a browser would lay the passage out; jsdom lays out nothing. */
const linesFrom = (top: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ left: 40, right: 600, top: top + 20 * i, bottom: top + 20 * (i + 1), width: 560, height: 20 }) as DOMRect);

const controller = new AbortController();
afterEach(() => {
  delete (Range.prototype as Partial<Range>).getClientRects;
  vi.restoreAllMocks();
  document.querySelectorAll(CARD_TAG).forEach((card) => card.remove());
});

/**
 * The passage highlighted on a page laid out as `lines`, and where its card goes once opened by `open`;
 * the card as tall as `cardHeight` where given (else, with no layout, as tall as the window).
 */
function cardAround(lines: DOMRect[], open: (highlighting: ReturnType<typeof showHighlights>) => void, cardHeight?: number) {
  document.body.innerHTML = `<p>${TEXT}</p>`;
  if (cardHeight !== undefined) {
    // jsdom's boxes are all empty: only the card's height is set.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return this.localName === CARD_TAG ? new DOMRect(0, 0, 0, cardHeight) : new DOMRect();
    });
  }
  Object.defineProperty(Range.prototype, 'getClientRects', { value: () => lines, configurable: true });
  const text = document.querySelector('p')!.firstChild!;
  const sentence = document.createRange();
  sentence.selectNodeContents(text);
  const compiled = compileLibrary(bundledLibrary);
  const matches = matchPassages(compiled, [{ text: TEXT, start: 0 }]);
  expect(matches.length).toBeGreaterThan(0);
  const highlighting = showHighlights(document, [{ sentence, quotes: [], matches }], {
    cards: cardLibraryFor(compiled, matches),
    t: inEnglish,
    signal: controller.signal,
  });
  open(highlighting);
  const host = document.querySelector<HTMLElement>(CARD_TAG)!;
  const top = parseFloat(host.style.getPropertyValue('top'));
  // The card is no taller than its max-height: it scrolls inside beyond that.
  const maxHeight = parseFloat(host.shadowRoot!.querySelector<HTMLElement>('.card')!.style.maxHeight);
  return { top, bottom: top + maxHeight };
}

describe('the card of a highlighted passage', () => {
  it('goes below the last line of a passage of several lines at the very top of the page, not below its first', () => {
    const lines = linesFrom(10, 3);
    const card = cardAround(lines, (h) => h.show(0));
    expect(card.top).toBeGreaterThanOrEqual(lines.at(-1)!.bottom);
  });

  it('goes above the first line of a passage clicked on its last line', () => {
    const lines = linesFrom(500, 3);
    const card = cardAround(lines, () =>
      document.querySelector('p')!.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0, clientX: 100, clientY: 550 })),
    );
    expect(card.bottom).toBeLessThanOrEqual(lines[0]!.top);
  });

  it('goes whole below a passage where only below has room for it all, rather than squeezed above', () => {
    // jsdom's window is 768 px tall and its page cannot scroll: 286 px above the passage, 370 below.
    const lines = linesFrom(322, 3);
    const card = cardAround(lines, (h) => h.show(0), 350);
    expect(card.top).toBeGreaterThanOrEqual(lines.at(-1)!.bottom);
    expect(card.bottom - card.top).toBeGreaterThanOrEqual(350);
  });
});
