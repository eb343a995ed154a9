import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mentions, patterns } from 'virtual:counterframe-first-look';
import { extensionApi } from '../src/platform/extension-api';
import type { InstalledPacks } from '../src/claims/packs';
import type { ContextPatterns } from '../src/gate/first-look';
import { benchMeasure } from '../src/page/bench-measure';
import { watchPage } from '../src/gate/watch';
import { PACKS_FLAG } from '../src/gate/packs-flag';

/**
 * The content script on every page (listed in wxt.config.ts): the gate's first look, and the one
 * message that asks for the highlighter. It is kept small because it runs on every page the reader
 * opens, and most have nothing to show: the rest of the gate runs where pages are read. For the same
 * reason it speaks to the browser's own promise-based API (Chromium's `chrome`, Firefox's `browser`)
 * rather than loading the polyfill the rest of the extension uses.
 */
export default defineUnlistedScript(() => {
  watchPage(
    document,
    {
      patterns,
      mentions,
      // Set only while packs are installed, to every context's patterns: most pages never ask storage,
      // and this script carries only the patterns the bundled library needs.
      packsPatterns: () => (globalThis as Record<symbol, ContextPatterns | undefined>)[PACKS_FLAG],
      // Without packs after all (or storage failing, or the extension reloaded), the library's words are all there is.
      installedMentions: async () => {
        try {
          // STORED.packs.key (page-store.ts), written out: importing it would bring the settings' defaults along.
          const stored: Record<string, unknown> = await extensionApi().storage.local.get('packs');
          const installed = stored.packs as Partial<InstalledPacks> | undefined;
          // Packs stored by an earlier version, until the background makes them again: the gate where the page is read decides.
          return installed?.packs?.length ? (installed.mentions ?? null) : mentions;
        } catch {
          return mentions;
        }
      },
      wanted: () =>
        void extensionApi()
          .runtime.sendMessage({ type: 'page:wanted' })
          .catch(() => {}),
      // The document's, not location's: location would be set up in this world for this alone.
      currentUrl: () => document.URL,
      measure: import.meta.env.MODE === 'bench' ? benchMeasure : undefined,
    },
    // Nothing stops the gate script from outside: it stops itself once the page is wanted, or never will be.
    new AbortController().signal,
  );
});
