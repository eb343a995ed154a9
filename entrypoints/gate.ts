import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import bundledGate from 'virtual:counterframe-gate';
import { extensionApi } from '../src/extension-api';
import type { GateData } from '../src/match/gate-scan';
import { benchMeasure } from '../src/page/bench-measure';
import { watchPage } from '../src/page/gate-watch';
import { PACKS_FLAG } from '../src/page/packs-flag';

/**
 * The content script on every page (listed in wxt.config.ts): the gate, and the one message that asks
 * for the reader. It is kept small because it runs on every page the reader opens, and most have
 * nothing to show. For the same reason it speaks to the browser's own promise-based API (Chromium's
 * `chrome`, Firefox's `browser`) rather than loading the polyfill the rest of the extension uses.
 */
export default defineUnlistedScript(() => {
  watchPage(document, {
    gate: bundledGate,
    // Only where packs are installed (their flag is set); without them (or storage failing, or the
    // extension reloaded), the library's words are all there is.
    installedGate: async () => {
      if (!(globalThis as Record<symbol, boolean>)[PACKS_FLAG]) return null;
      try {
        // STORED.packs.key (page-store.ts), written out: importing it would bring the settings' defaults along.
        const stored: Record<string, unknown> = await extensionApi().storage.local.get('packs');
        return (stored.packs as { gate?: GateData | null } | undefined)?.gate ?? null;
      } catch {
        return null;
      }
    },
    wanted: () => void extensionApi().runtime.sendMessage({ type: 'page:wanted' }).catch(() => {}),
    currentUrl: () => location.href,
    measure: import.meta.env.MODE === 'bench' ? benchMeasure : undefined,
  });
});
