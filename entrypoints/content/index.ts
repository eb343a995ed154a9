import { defineContentScript } from 'wxt/utils/define-content-script';
import { bundledLibrary } from '../../src/claims/library';
import { compileLibrary } from '../../src/match/compile';
import { startReader } from '../../src/page/reader';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    // An extension update can inject the script again into a page that already runs it.
    const flag = Symbol.for('counterframe.reader');
    const scope = globalThis as unknown as Record<symbol, boolean>;
    if (scope[flag]) return;
    scope[flag] = true;
    startReader(document, location.href, compileLibrary(bundledLibrary));
  },
});
