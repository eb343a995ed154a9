import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { everyContext } from 'virtual:counterframe-first-look';
import type { ContextPatterns } from '../src/gate/first-look';
import { PACKS_FLAG } from '../src/gate/packs-flag';

/**
 * A content script the background registers only while claim packs are installed (see
 * src/background/packs-flag.ts): it tells the gate script so, and brings the patterns of the contexts
 * the packs' claims may need.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, ContextPatterns>)[PACKS_FLAG] = everyContext;
});
