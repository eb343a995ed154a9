// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renderWelcome, type Shortcut } from '../../../src/ui/welcome';
import { startBackground } from '../../support/background';
import { inEnglish, translatorFor } from '../../support/translate';

beforeEach(() => fakeBrowser.reset());

// The fake browser starts with a tab of its own: the tabs opened since.
const opened = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url).filter(Boolean);

describe('the welcome page', () => {
  it('opens on the first install, and not on an update or a browser update', async () => {
    await startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await opened()).toEqual([]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => expect(await opened()).toEqual([fakeBrowser.runtime.getURL('/welcome.html')]));
  });

  const shortcuts: Shortcut[] = [
    { name: 'toggle-site', description: 'Switch Counterframe on or off for this site', shortcut: 'Alt+Shift+K' },
    { name: 'next-highlight', description: 'Go to the next highlight', shortcut: 'Alt+Shift+J' },
    { name: 'previous-highlight', description: 'Go to the previous highlight', shortcut: '' },
  ];

  it('says what the marks mean, the card, the switch and the shortcuts (as the browser has them), with the way to change them', () => {
    document.body.innerHTML = '<main id="app"></main>';
    const root = document.getElementById('app')!;
    const openShortcuts = vi.fn();
    renderWelcome(root, { t: inEnglish, browser: 'firefox', shortcuts, openShortcuts, openOptions: () => {} });
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'What the marks mean',
      'The card',
      'On or off, site by site',
      'Keyboard shortcuts',
    ]);
    expect(root.querySelector('.sample.uses')).not.toBeNull();
    expect(root.querySelector('.sample.critiques')).not.toBeNull();
    expect([...root.querySelectorAll('table.shortcuts tr')].map((tr) => tr.textContent)).toEqual([
      'Alt+Shift+JGo to the next highlight',
      'not setGo to the previous highlight',
      'Alt+Shift+KSwitch Counterframe on or off for this site',
    ]);
    expect(root.querySelector('#shortcuts-where')?.textContent).toMatch(/about:addons/);
    (root.querySelector('#open-shortcuts') as HTMLButtonElement).click();
    expect(openShortcuts).toHaveBeenCalledTimes(1);
  });

  it('is in Chinese where the browser is', () => {
    document.body.innerHTML = '<main id="app"></main>';
    const root = document.getElementById('app')!;
    const chinese = translatorFor(JSON.parse(readFileSync('public/_locales/zh_CN/messages.json', 'utf8')));
    renderWelcome(root, { t: chinese, browser: 'chrome', shortcuts, openShortcuts: () => {}, openOptions: () => {} });
    expect(root.querySelector('h1')?.textContent).toBe('欢迎使用 Counterframe');
    expect(root.querySelector('#shortcuts-where')?.textContent).toMatch(/chrome:\/\/extensions\/shortcuts/);
  });
});
