import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../support/translate';
import type { PageSummary } from '../../../src/protocol/messages';
import { renderPopup, unreadPageSummary } from '../../../src/popup/popup';
import { sender } from '../../../src/protocol/replies';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';

const summary = (change: Partial<PageSummary>): PageSummary => ({
  url: 'https://news.example/a',
  reading: false,
  readings: 1,
  site: 'news.example',
  enabled: true,
  highlights: [],
  uses: 0,
  critiques: 0,
  frames: [],
  ...change,
});

function status(of: PageSummary): string | null {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById('app')!;
  renderPopup(root, DEFAULT_SETTINGS, { t: inEnglish, summary: of, send: sender(async () => undefined), openOptions: () => {}, showHighlight: () => {} });
  return root.querySelector('[role=status]')?.textContent ?? null;
}

describe('the popup', () => {
  it('says the page is still being read, rather than that nothing was found, until the reading is back', () => {
    expect(status(summary({ reading: true }))).toBe('Reading this page…');
    expect(status(summary({ reading: false }))).toBe(inEnglish('popupNothing'));
    expect(status(summary({ uses: 2, critiques: 1 }))).toBe('2 use an arms-race frame, 1 critique one');
  });

  it('offers the site switch on a page the gate turned away, which has no reader to ask', () => {
    const unread = unreadPageSummary('https://www.quiet.example/recipes')!;
    expect(status(unread)).toBe(inEnglish('popupNothing'));
    expect(document.querySelector('#site-switch')).not.toBeNull();
    expect(document.querySelector('.site')?.textContent).toBe('quiet.example');
    expect(unreadPageSummary('chrome://extensions/')).toBeNull();
  });
});
