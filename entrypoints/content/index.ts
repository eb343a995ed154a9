import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { bundledLibrary } from '../../src/claims/library';
import { inBrowserLanguage } from '../../src/i18n-browser';
import { compileLibrary } from '../../src/match/compile';
import { parseMessage } from '../../src/messages';
import { createPageController } from '../../src/page/controller';
import { settingsItem } from '../../src/settings/store';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // An extension update can inject the script again into a page that already runs it.
    const flag = Symbol.for('counterframe.page');
    const scope = globalThis as unknown as Record<symbol, boolean>;
    if (scope[flag]) return;
    scope[flag] = true;

    const controller = createPageController(document, location.href, compileLibrary(bundledLibrary), {
      t: inBrowserLanguage,
      report: (report) => void browser.runtime.sendMessage({ type: 'page:report', ...report }).catch(() => {}),
    });
    const settings = settingsItem();
    void settings.getValue().then((value) => controller.apply(value));
    const unwatch = settings.watch((value) => controller.apply(value));
    const onMessage = (raw: unknown) => (parseMessage(raw)?.type === 'page:summary' ? Promise.resolve(controller.summary()) : undefined);
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      controller.stop();
      scope[flag] = false;
    });
  },
});
