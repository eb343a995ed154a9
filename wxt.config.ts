import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { bundledLibrary } from './src/claims/library';
import { firstLookModule } from './src/gate/first-look-module';
import { WEB_PAGES } from './src/gate/web-pages';

/** A module made at build time, by the same functions the tests and the command line use. */
function virtualModule(id: string, source: () => string): Plugin {
  return {
    name: id,
    resolveId: (requested) => (requested === id ? `\0${id}` : undefined),
    load: (resolved) => (resolved === `\0${id}` ? source() : undefined),
  };
}

/** The first look's patterns, written into the scripts as literals (src/gate/first-look-module.ts). */
const firstLook = virtualModule('virtual:counterframe-first-look', () => firstLookModule(bundledLibrary));

/**
 * V8's explicit compile hint, on the gate script: nearly every function in it runs on every page,
 * so V8 compiles them with the script instead of parsing each again on its first call (the bench
 * measures the script's first run); other engines read a comment.
 */
const gateCompileHint: Plugin = {
  name: 'counterframe-gate-compile-hint',
  // After WXT's own, which takes the script's name off its IIFE.
  enforce: 'post',
  generateBundle(_options, bundle) {
    const gate = bundle['gate.js'];
    if (gate?.type === 'chunk') gate.code = `//# allFunctionsCalledOnLoad\n${gate.code}`;
  },
};

const ICONS = Object.fromEntries([16, 32, 48, 128].map((size) => [size, `icon/${size}.png`]));

const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'none'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'";

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // Chromium reads a browser in Traditional Chinese (zh-TW, and zh-HK as zh-TW) with zh_TW's words or
    // else the default, English: those readers get the Simplified Chinese words, as Firefox gives them.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: '_locales/zh_TW/messages.json', absoluteSrc: resolve('public/_locales/zh_CN/messages.json') });
    },
  },
  // No module-preload polyfill: it is the only code that would call fetch(), and extension pages do not need it.
  vite: () => ({ plugins: [firstLook, gateCompileHint], build: { modulePreload: { polyfill: false } } }),
  // Explicit imports only: every module says where its names come from.
  imports: false,
  // The sources archive Firefox's review asks for: the project, not local test output.
  zip: { excludeSources: ['artifacts/**', '.tmp/**', 'coverage/**'] },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Drawn in assets/icon.svg, rendered by scripts/icons.ts (npm run icons) and committed.
    icons: ICONS,
    ...(manifestVersion === 2 ? { browser_action: { default_icon: ICONS } } : { action: { default_icon: ICONS } }),
    // runtime.getContexts, with which the background finds its offscreen document (109), came in 116.
    ...(browser !== 'firefox' && { minimum_chrome_version: '116' }),
    // storage: the reader's settings. contextMenus: "switch on or off for this site" on the page's menu.
    // offscreen (Chromium): a document where pages are read with Readability, away from the page; Firefox
    // reads them in its background page.
    // scripting, and host access to the pages the gate script runs on (the same sites, so the same
    // warning): the gate script (gate.ts) is small and runs on every page; the background brings the
    // highlighter in only where a page passes it, and registers the packs flag script while packs are installed.
    permissions: ['storage', 'contextMenus', 'scripting', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: WEB_PAGES,
    content_scripts: [{ matches: WEB_PAGES, js: ['gate.js'], run_at: 'document_idle' }],
    commands: {
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandToggleSite__',
      },
      // Custom highlights are invisible to screen readers: these reach each one, and its card, by keyboard.
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandNextHighlight__',
      },
      'previous-highlight': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandPreviousHighlight__',
      },
    },
    // Extension pages load only their own files and may connect nowhere.
    content_security_policy: manifestVersion === 3 ? { extension_pages: EXTENSION_PAGES_CSP } : EXTENSION_PAGES_CSP,
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'counterframe@counterframe.invalid',
          // The highlights (CSS Custom Highlight API) and data_collection_permissions both came in 140.
          strict_min_version: '140.0',
          // Counterframe sends nothing anywhere: it collects no data at all.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
