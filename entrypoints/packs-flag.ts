import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PACKS_FLAG } from '../src/page/packs-flag';

/** A content script the background registers only while claim packs are installed (see src/background/packs-flag.ts). */
export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, boolean>)[PACKS_FLAG] = true;
});
