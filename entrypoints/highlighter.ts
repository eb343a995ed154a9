import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extensionApi, extensionGone } from '../src/platform/extension-api';
import { inBrowserLanguage } from '../src/platform/i18n-browser';
import { benchMeasure, benchAnalysis } from '../src/page/bench-measure';
import { parsePageMessage } from '../src/protocol/page-messages';
import { sender } from '../src/protocol/replies';
import { createPageController } from '../src/page/controller';
import { pageKey, type Dismissals } from '../src/page/dismissed';
import { remoteAnalysis } from '../src/page/remote-analysis';
import { readStored, storeDismissal, watchStored } from '../src/settings/page-store';

/**
 * The highlighter: brought into a page by the background once the gate script (gate.ts) has found the words
 * its claims need there, with public/highlights.css. It has the page read away from it (the rest of
 * the gate first, then Readability and the library), shows what was found, and follows the page. Like
 * the gate, it speaks to the browser's own API and storage (see extension-api.ts, page-store.ts): its
 * load counts against every page it reads.
 */
export default defineUnlistedScript({
  main() {
    // The benchmark build (wxt build --mode bench) times itself; the shipped build has no trace of it.
    const bench = import.meta.env.MODE === 'bench';
    const bootStart = performance.now();
    // The background brings the highlighter in once per page; a second call (a page that asked twice) finds it here.
    const flag = Symbol.for('counterframe.page');
    const scope = globalThis as unknown as Record<symbol, boolean>;
    if (scope[flag]) return;
    scope[flag] = true;

    const api = extensionApi();
    const page = () => pageKey(location.href);
    const dismissedHere = (all: Dismissals) => all[page()] ?? [];
    // Only copying the page, anchoring and painting run here: the gate's scan, Readability and the
    // library run where the background reads pages (see src/background/reading.ts), so this script stays small.
    const read = remoteAnalysis(
      sender((message) => api.runtime.sendMessage(message)),
      bench ? benchMeasure : undefined,
    );
    const controller = createPageController(document, location.href, {
      read: bench ? benchAnalysis(read) : read,
      t: inBrowserLanguage,
      currentUrl: () => location.href,
      status: (status) => void api.runtime.sendMessage({ type: 'page:status', ...status }).catch(() => {}),
      onNotFraming: (key) => void storeDismissal(api, page(), key).catch(() => {}),
      measure: bench ? benchMeasure : undefined,
      // Once the extension is reloaded or updated, this page keeps what it shows, says nothing and stops following.
      onError: (error) => (extensionGone() ? stop() : console.error('Counterframe could not read this page:', error)),
    });
    void readStored(api).then(({ settings, dismissed }) => {
      controller.setDismissed(dismissedHere(dismissed));
      controller.apply(settings);
    });
    const unwatch = watchStored(api, ({ settings, dismissed }) => {
      if (dismissed) controller.setDismissed(dismissedHere(dismissed));
      if (settings) controller.apply(settings);
    });
    // Answered at once (sendResponse), which both browsers take without the polyfill.
    const onMessage = (raw: unknown, _from: unknown, respond: (answer: unknown) => void) => {
      const message = parsePageMessage(raw);
      if (message?.type === 'page:summary') respond(controller.summary());
      if (message?.type === 'highlight:step') controller.step(message.direction);
      if (message?.type === 'highlight:show') controller.show(message.index);
      if (message?.type === 'page:report') respond(controller.reportSource());
      return false;
    };
    api.runtime.onMessage.addListener(onMessage);
    if (bench) performance.measure('counterframe:boot', { start: bootStart, end: performance.now() });

    function stop() {
      unwatch();
      api.runtime.onMessage.removeListener(onMessage);
      controller.stop();
    }
  },
});
