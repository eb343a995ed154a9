import '../../src/ui/extension-pages.css';
import { browser } from 'wxt/browser';
import { bundledLibrary } from '../../src/claims/library';
import { inBrowserLanguage } from '../../src/platform/i18n-browser';
import { renderOptions, type OptionsDeps } from '../../src/options/options';
import { sender } from '../../src/protocol/replies';
import { packsItem, settingsItem } from '../../src/settings/store';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = inBrowserLanguage('optionsTitle');
const root = document.getElementById('app')!;
const settings = settingsItem();
const deps: OptionsDeps = {
  t: inBrowserLanguage,
  frames: bundledLibrary.frames.map((f) => ({ id: f.id, name: f.name })),
  send: sender((message) => browser.runtime.sendMessage(message)),
  download: (name, text) => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  },
  state: { notices: {} },
  refresh: () => void render(),
};

const packs = packsItem();
let renders = 0;
async function render(): Promise<void> {
  const ticket = ++renders;
  const [current, installed] = await Promise.all([settings.getValue(), packs.getValue()]);
  // A later render has newer values on their way: this one's may already be stale.
  if (ticket !== renders) return;
  const views = installed.packs.map((p) => ({ id: p.id, name: p.name, frames: p.frames.map((f) => ({ id: f.id, name: f.name })) }));
  renderOptions(root, current, views, deps);
}
void render();
settings.watch(() => void render());
packs.watch(() => void render());
