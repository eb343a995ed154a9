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
