import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { inEnglish, translatorFor } from '../../support/translate';
import type { PageSummary } from '../../../src/protocol/messages';
import { renderPopup, shortened, unreadPageSummary } from '../../../src/popup/popup';
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
    expect(status(summary({ uses: 2, critiques: 1 }))).toBe('2 passages use an arms-race frame, 1 critiques one');
  });

  it('offers the site switch on a page the gate turned away, which has no reader to ask', () => {
    const unread = unreadPageSummary('https://www.quiet.example/recipes')!;
    expect(status(unread)).toBe(inEnglish('popupNothing'));
    expect(document.querySelector('#site-switch')).not.toBeNull();
    expect(document.querySelector('.site')?.textContent).toBe('quiet.example');
    expect(unreadPageSummary('chrome://extensions/')).toBeNull();
  });

  it('writes counts in the plural form each language gives them', () => {
    expect(status(summary({ uses: 1, critiques: 2 }))).toBe('1 passage uses an arms-race frame, 2 critique one');
    expect(status(summary({ uses: 1200, critiques: 1 }))).toBe('1,200 passages use an arms-race frame, 1 critiques one');
    const chinese = translatorFor(JSON.parse(readFileSync('public/_locales/zh_CN/messages.json', 'utf8')));
    document.body.innerHTML = '<main id="app"></main>';
    const root = document.getElementById('app')!;
    renderPopup(root, DEFAULT_SETTINGS, {
      t: chinese,
      summary: summary({ uses: 1, critiques: 2 }),
      send: sender(async () => undefined),
      openOptions: () => {},
      showHighlight: () => {},
    });
    expect(root.querySelector('[role=status]')?.textContent).toBe('1 处使用军备竞赛框架，2 处对其提出批评');
  });

  it('cuts a long passage at a word, with an ellipsis', () => {
    const long =
      'The United States must win the race for artificial intelligence against China, because whoever leads in this technology will lead the century ahead';
    const cut = shortened(long);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(121);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(long[cut.length - 1]).toBe(' ');
    expect(shortened('Short.')).toBe('Short.');
    expect(shortened('中'.repeat(200))).toBe(`${'中'.repeat(120)}…`);
  });

  it('renders again in place: the switch the reader used keeps the focus, and a failed write is shown with its reason', async () => {
    document.body.innerHTML = '<main id="app"></main>';
    const root = document.getElementById('app')!;
    const send = vi.fn(async () => {
      throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    });
    const deps = { t: inEnglish, summary: summary({}), send: sender(send), openOptions: () => {}, showHighlight: () => {} };
    renderPopup(root, DEFAULT_SETTINGS, deps);
    const pause = document.getElementById('pause') as HTMLInputElement;
    pause.focus();
    pause.click();
    await vi.waitFor(() => expect(document.getElementById('write-error')?.textContent).toBe('Not saved: MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    // Not stored: the switch shows what storage has.
    expect(pause.checked).toBe(false);
    renderPopup(root, { ...DEFAULT_SETTINGS, paused: true }, deps);
    expect(document.getElementById('pause')).toBe(pause);
    expect(document.activeElement).toBe(pause);
    expect(pause.checked).toBe(true);
  });
});
