import type { browser } from 'wxt/browser';

/** The extension API as the browser itself offers it: promise-based in Firefox (`browser`) and Chromium (`chrome`, MV3). */
export type ExtensionApi = typeof browser;

/**
 * The browser's own extension API, for the scripts that run on pages (the gate script and the highlighter). They
 * leave out the polyfill the extension's own pages use: loading it costs every page that is read
 * main-thread time, and what these scripts call needs no polyfill. Looked up when called:
 * the first touch of the API costs a page something too.
 */
export function extensionApi(): ExtensionApi {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return scope.browser?.runtime ? scope.browser : scope.chrome!;
}

/** The extension was reloaded, updated or removed under this page: its API is gone (Chromium clears runtime.id). */
export function extensionGone(): boolean {
  try {
    return !extensionApi()?.runtime?.id;
  } catch {
    return true;
  }
}
