import { afterEach, describe, expect, it } from 'vitest';
import { CARD_TAG, openCard } from '../../../src/card/card';
import type { CardView } from '../../../src/card/card-view';
import { inEnglish } from '../../support/translate';

const hostile = '<img src=x onerror="window.pwned=1">“beat China”';
const view: CardView = {
  stance: 'uses',
  claims: [{ frameName: 'Beating China', assumes: 'One winner.', says: 'Beat China.', quote: hostile, stance: 'uses' }],
  leavesOut: [
    {
      id: 'a',
      text: 'Different lanes.',
      source: {
        label: 'Title, IEEE Spectrum, 2026-02-20',
        url: 'https://spectrum.ieee.org/us-china-ai',
        quote: 'Running in very different lanes.',
        speaker: 'Selina Xu',
      },
    },
  ],
  holds: [{ id: 'b', text: 'Chips are contested.', source: { label: 'Title, IEEE Spectrum' } }],
};
const box = { left: 10, top: 10, right: 200, bottom: 30, width: 190, height: 20, x: 10, y: 10, toJSON() {} } as DOMRect;

afterEach(() => {
  document.documentElement.querySelectorAll(CARD_TAG).forEach((e) => e.remove());
  document.body.innerHTML = '';
});

describe('openCard', () => {
  it('shows the frame, the claim and sourced counterpoints in a labelled dialog inside a shadow root', () => {
    const card = openCard(document, () => box, view, { t: inEnglish });
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

  it('shows page text as text, never as markup', () => {
    const card = openCard(document, () => box, view, { t: inEnglish });
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
    const card = openCard(document, () => box, view, { t: inEnglish, onClose: () => closed++ });
    expect(card.host.shadowRoot!.activeElement?.getAttribute('role')).toBe('dialog');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.querySelector(CARD_TAG)).toBeNull();
    expect(document.activeElement).toBe(before);
    expect(closed).toBe(1);
    card.close();
    expect(closed).toBe(1);
  });

  it('closes on its close button and on a click outside, not on a click inside', () => {
    const card = openCard(document, () => box, view, { t: inEnglish });
    card.host.shadowRoot!.querySelector('.point')!.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(card.host.isConnected).toBe(true);
    (card.host.shadowRoot!.querySelector('button.close') as HTMLButtonElement).click();
    expect(card.host.isConnected).toBe(false);
    const again = openCard(document, () => box, view, { t: inEnglish });
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(again.host.isConnected).toBe(false);
  });
});
