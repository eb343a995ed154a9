import { describe, expect, it, vi } from 'vitest';
import { inEnglish } from '../../support/translate';
import { renderOptions, type OptionsDeps } from '../../../src/options/options';
import { sender } from '../../../src/protocol/replies';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';

describe('the settings page', () => {
  it('after an import, renders again from storage, never from the values it was drawn with', async () => {
    // Storage has the new pack and the page was drawn anew before the reply came: drawing it again
    // from the old values would drop the pack from the list.
    document.body.innerHTML = '<main id="app"></main>';
    const root = document.getElementById('app')!;
    const refresh = vi.fn();
    const deps: OptionsDeps = { t: inEnglish, frames: [], send: sender(async () => ({ ok: true })), download: () => {}, state: { notices: {} }, refresh };
    renderOptions(root, DEFAULT_SETTINGS, [], deps);
    const input = document.getElementById('import-pack') as HTMLInputElement;
    // jsdom's File has no text(): the chosen file, as the listener reads it.
    Object.defineProperty(input, 'files', { value: [{ name: 'pack.json', text: async () => '{}' }] });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    expect(deps.state.notices.pack?.text).toBe(inEnglish('optionsPackImported'));
  });
});

describe('the settings page, rendered in place', () => {
  const setup = (send: (message: unknown) => Promise<unknown>) => {
    document.body.innerHTML = '<main id="app"></main>';
    const root = document.getElementById('app')!;
    const deps: OptionsDeps = {
      t: inEnglish,
      frames: [{ id: 'arms-race', name: 'The arms race' }],
      send: sender(send),
      download: () => {},
      state: { notices: {} },
      refresh: vi.fn(),
    };
    return { root, deps };
  };

  it('keeps the focus on the control the reader used when storage changes, and on the next site when one is removed', () => {
    const { root, deps } = setup(async () => ({ ok: true }));
    const sites = { default: 'everywhere' as const, enabled: [], disabled: ['a.example', 'b.example', 'c.example'] };
    renderOptions(root, { ...DEFAULT_SETTINGS, sites }, [], deps);
    const box = document.getElementById('show-critiques') as HTMLInputElement;
    box.focus();
    renderOptions(root, { ...DEFAULT_SETTINGS, sites, showCritiques: false }, [], deps);
    expect(document.activeElement).toBe(box);
    expect(box.checked).toBe(false);
    const frame = document.getElementById('frame-arms-race') as HTMLInputElement;
    frame.focus();
    renderOptions(root, { ...DEFAULT_SETTINGS, sites, hiddenFrames: ['arms-race'] }, [], deps);
    expect(document.activeElement).toBe(frame);
    expect(frame.checked).toBe(false);
    const removeB = document.querySelector('#disabled-sites li:nth-child(2) button') as HTMLButtonElement;
    removeB.focus();
    renderOptions(root, { ...DEFAULT_SETTINGS, sites: { ...sites, disabled: ['a.example', 'c.example'] } }, [], deps);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove rule for c.example');
  });

  it('adds a site with Enter: off where it runs everywhere, on where it runs only on sites turned on', async () => {
    const sent: unknown[] = [];
    const { root, deps } = setup(async (message) => {
      sent.push(message);
      return { ok: true };
    });
    renderOptions(root, DEFAULT_SETTINGS, [], deps);
    const input = document.getElementById('site-input') as HTMLInputElement;
    input.value = 'www.Example.com';
    (document.getElementById('site-form') as HTMLFormElement).requestSubmit();
    renderOptions(root, { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, default: 'only-enabled' } }, [], deps);
    input.value = 'news.example';
    (document.getElementById('site-form') as HTMLFormElement).requestSubmit();
    expect(sent).toEqual([
      { type: 'site:set', site: 'example.com', enabled: false },
      { type: 'site:set', site: 'news.example', enabled: true },
    ]);
  });

  it('groups the default in a fieldset with its legend, lists no "None." item, and writes plurals', () => {
    const { root, deps } = setup(async () => ({ ok: true }));
    renderOptions(
      root,
      { ...DEFAULT_SETTINGS, sites: { default: 'everywhere', enabled: ['a.example'], disabled: [] } },
      [{ id: 'p', name: 'Pack', frames: [{ id: 'x', name: 'X' }] }],
      deps,
    );
    const fieldset = document.getElementById('default-everywhere')!.closest('fieldset')!;
    expect(fieldset.querySelector('legend')?.textContent).toBe(inEnglish('optionsWhere'));
    expect(document.querySelectorAll('li.empty')).toHaveLength(0);
    expect((document.getElementById('disabled-sites') as HTMLElement).hidden).toBe(true);
    expect((document.getElementById('disabled-sites-empty') as HTMLElement).hidden).toBe(false);
    expect(document.getElementById('enabled-sites-title')?.textContent).toBe('Turned on (1 site)');
    expect(document.getElementById('pack-list')?.textContent).toContain('Pack (1 frame)');
    // The file inputs are behind real buttons.
    expect(document.getElementById('import-settings-button')?.tagName).toBe('BUTTON');
    expect(document.getElementById('import-settings')?.className).toBe('visually-hidden');
  });

  it("shows a failed write with the browser's reason, and renders again from storage", async () => {
    const { root, deps } = setup(async () => {
      throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    });
    renderOptions(root, DEFAULT_SETTINGS, [], deps);
    (document.getElementById('show-critiques') as HTMLInputElement).click();
    await vi.waitFor(() => expect(document.getElementById('write-error')?.textContent).toBe('Not saved: QUOTA_BYTES_PER_ITEM quota exceeded'));
    expect(deps.refresh).toHaveBeenCalled();
  });
});
