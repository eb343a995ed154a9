import '../../src/ui/extension-pages.css';
import { browser } from 'wxt/browser';
import { inBrowserLanguage } from '../../src/platform/i18n-browser';
import { renderWelcome } from '../../src/ui/welcome';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = inBrowserLanguage('welcomeTitle');
const firefox = import.meta.env.FIREFOX;
/** Firefox's commands API has a call that Chromium's types do not know. */
interface FirefoxCommands {
  openShortcutSettings(): Promise<void>;
}

void browser.commands.getAll().then((commands) =>
  renderWelcome(document.getElementById('app')!, {
    t: inBrowserLanguage,
    browser: firefox ? 'firefox' : 'chrome',
    shortcuts: commands.map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' })),
    // Firefox has its own call for its shortcut settings (137+); Chromium opens its page as a tab.
    openShortcuts: () =>
      void (firefox ? (browser.commands as unknown as FirefoxCommands).openShortcutSettings() : browser.tabs.create({ url: 'chrome://extensions/shortcuts' })),
    openOptions: () => void browser.runtime.openOptionsPage(),
  }),
);
