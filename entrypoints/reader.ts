import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import bundledGate from 'virtual:counterframe-gate';
import { inBrowserLanguage } from '../src/i18n-browser';
import { parseMessage } from '../src/messages';
import { benchMeasure, benchReader } from '../src/page/bench-measure';
import { createPageController } from '../src/page/controller';
import { addDismissal, pageKey } from '../src/page/dismissed';
import { remoteReader } from '../src/page/reader';
import { dismissalsItem, packsItem, settingsItem } from '../src/settings/store';

/**
 * The reader: brought into a page by the background once the gate script (gate.ts) has found it worth
 * reading, with public/highlights.css. It reads the page away from it and shows what it found.
 */
export default defineUnlistedScript({
  main() {
    // The benchmark build (wxt build --mode bench) times itself; the shipped build has no trace of it.
    const bench = import.meta.env.MODE === 'bench';
    const bootStart = performance.now();
    // An extension update can inject the script again into a page that already runs it.
    const flag = Symbol.for('counterframe.page');
    const scope = globalThis as unknown as Record<symbol, boolean>;
    if (scope[flag]) return;
    scope[flag] = true;
    const ctx = new ContentScriptContext('reader');

    const dismissals = dismissalsItem();
    const packs = packsItem();
    const page = () => pageKey(location.href);
    // Only the gate, anchoring and painting run here: Readability and the library run where the
    // background reads pages (see src/background/reading.ts), so this script stays small.
    let gate = bundledGate;
    const read = remoteReader((message) => browser.runtime.sendMessage(message), bench ? benchMeasure : undefined);
    const controller = createPageController(document, location.href, {
      gate: () => gate,
      read: bench ? benchReader(read) : read,
      t: inBrowserLanguage,
      currentUrl: () => location.href,
      report: (report) => void browser.runtime.sendMessage({ type: 'page:report', ...report }).catch(() => {}),
      onNotFraming: (key) => void dismissals.getValue().then((all) => dismissals.setValue(addDismissal(all, page(), key))),
      measure: bench ? benchMeasure : undefined,
      gatePassed: true,
      // Once the extension is reloaded or updated, this page keeps what it shows and says nothing.
      onError: (error) => {
        if (!ctx.isInvalid) console.error('Counterframe could not read this page:', error);
      },
    });
    const settings = settingsItem();
    void Promise.all([settings.getValue(), dismissals.getValue(), packs.getValue()]).then(([value, all, installed]) => {
      gate = installed.gate ?? bundledGate;
      controller.setDismissed(all[page()] ?? []);
      controller.apply(value);
    });
    const unwatchSettings = settings.watch((value) => controller.apply(value));
    const unwatchDismissals = dismissals.watch((all) => controller.setDismissed(all[page()] ?? []));
    const unwatchPacks = packs.watch((installed) => (gate = installed.gate ?? bundledGate));
    const onMessage = (raw: unknown) => {
      const message = parseMessage(raw);
      if (message?.type === 'page:summary') return Promise.resolve(controller.summary());
      if (message?.type === 'highlight:step') controller.step(message.direction);
      if (message?.type === 'highlight:show') controller.show(message.index);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    if (bench) performance.measure('counterframe:boot', { start: bootStart, end: performance.now() });
    ctx.onInvalidated(() => {
      unwatchSettings();
      unwatchDismissals();
      unwatchPacks();
      browser.runtime.onMessage.removeListener(onMessage);
      controller.stop();
      scope[flag] = false;
    });
  },
});
