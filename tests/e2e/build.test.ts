import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledLibrary } from '../../src/claims/library';
import { contextPatterns, gateDataOf, gateScriptContexts } from '../../src/gate/words';

// These read the built extension (npm run build), like the browser tests; no browser is needed.
const BUILDS = ['chrome-mv3', 'firefox-mv2'] as const;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the built extension', () => {
  for (const build of BUILDS) {
    it(`${build}: the manifest is the reviewed one (a new permission is a visible change)`, () => {
      const built = JSON.parse(readFileSync(`.output/${build}/manifest.json`, 'utf8'));
      const reviewed = JSON.parse(readFileSync(`tests/fixtures/manifests/${build}.json`, 'utf8'));
      // On purpose, update tests/fixtures/manifests/ by hand and say why in the change.
      expect(built).toEqual(reviewed);
    });

    it(`${build}: every icon the manifest names is in the build, a PNG of the size it is named for`, () => {
      const manifest = JSON.parse(readFileSync(`.output/${build}/manifest.json`, 'utf8'));
      const action = manifest.action ?? manifest.browser_action;
      for (const icons of [manifest.icons, action.default_icon] as Record<string, string>[]) {
        expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
        for (const [size, path] of Object.entries(icons)) {
          const png = readFileSync(`.output/${build}/${path}`);
          // PNG signature, then the IHDR chunk's width and height.
          expect(png.subarray(1, 4).toString()).toBe('PNG');
          expect([png.readUInt32BE(16), png.readUInt32BE(20)], path).toEqual([Number(size), Number(size)]);
        }
      }
    });

    it(`${build}: the store zip (npm run zip) ships the icons`, () => {
      const zip = readdirSync('.output').find((f) => f.endsWith(`-${build.split('-')[0]}.zip`));
      expect(zip, 'run npm run zip first (test:all and test:e2e do)').toBeDefined();
      const listed = spawnSync('unzip', ['-Z1', `.output/${zip}`], { encoding: 'utf8' }).stdout.split('\n');
      for (const size of [16, 32, 48, 128]) expect(listed).toContain(`icon/${size}.png`);
      expect(listed).toContain('manifest.json');
    });

    it(`${build}: extension pages have a strict Content Security Policy`, () => {
      const manifest = JSON.parse(readFileSync(`.output/${build}/manifest.json`, 'utf8'));
      const csp: string =
        typeof manifest.content_security_policy === 'string' ? manifest.content_security_policy : manifest.content_security_policy.extension_pages;
      for (const directive of ["script-src 'self'", "object-src 'none'", "connect-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
        expect(csp).toContain(directive);
      expect(csp).not.toMatch(/unsafe-(eval|inline)|https?:|\*/);
    });

    it(`${build}: no code in it can make a network request`, () => {
      const found = files(`.output/${build}`)
        .filter((f) => f.endsWith('.js') || f.endsWith('.html'))
        // Every way a script can send something. (URLs in strings, such as the sources' links the reader
        // may click, or documentation links in library errors, are text, not requests.)
        .flatMap((f) =>
          [...readFileSync(f, 'utf8').matchAll(/\b(fetch|XMLHttpRequest|WebSocket|sendBeacon|EventSource|RTCPeerConnection|importScripts)\b/g)].map(
            (m) => `${f}: ${m[0]}`,
          ),
        );
      expect(found).toEqual([]);
    });

    it(`${build}: the one script on every page is the gate's first look: no polyfill, no Readability or its readerable check, no word lists, no Unicode tables`, () => {
      const manifest = JSON.parse(readFileSync(`.output/${build}/manifest.json`, 'utf8'));
      expect(manifest.content_scripts.flatMap((c: { js: string[] }) => c.js)).toEqual(['gate.js']);
      const gate = readFileSync(`.output/${build}/gate.js`, 'utf8');
      expect(gate.length).toBeLessThan(8 * 1024);
      // V8 compiles all of it at once (every function in it runs on every page), and it is still an anonymous IIFE.
      expect(gate.startsWith('//# allFunctionsCalledOnLoad\n(function(){')).toBe(true);
      // ai2html: in the readerable check's list of unlikely candidates; "exact": the scan's word lists.
      expect(gate).not.toMatch(/webextension-polyfill|_grabArticle|ai2html|exact|\\p\{/);
      // Its patterns are those of the contexts the library's claims need, written as literals; the
      // packs flag script, run only while packs are installed, brings every context's.
      const gateData = gateDataOf(bundledLibrary);
      const sources = contextPatterns(gateData);
      const needed = new Set(gateScriptContexts(gateData));
      expect(needed.size).toBeGreaterThan(0);
      expect(needed.size).toBeLessThan(Object.keys(sources).length);
      const packsFlag = readFileSync(`.output/${build}/packs-flag.js`, 'utf8');
      for (const [name, source] of Object.entries(sources)) {
        expect(gate.includes(`/${source}/`), name).toBe(needed.has(name));
        expect(packsFlag).toContain(`/${source}/`);
      }
    });

    it(`${build}: the reader, brought into each page that is read, leaves out the polyfill, WXT's storage layer, valibot, the English messages, the gate's scan and Unicode tables`, () => {
      const reader = readFileSync(`.output/${build}/highlighter.js`, 'utf8');
      // A bound that a library slipping in (the polyfill, valibot, WXT storage) would cross, with room for our own code.
      expect(reader.length).toBeLessThan(26 * 1024);
      // The polyfill's own guard message, WXT storage's error for an unknown area and valibot's run method
      // are each in the background's script; the card's words come from the browser's i18n, as in the locale file.
      const parts = ['should only be loaded in a browser extension', 'Invalid area', '~run'];
      const background = readFileSync(`.output/${build}/background.js`, 'utf8');
      for (const part of parts) expect(background).toContain(part);
      expect(readFileSync('public/_locales/en/messages.json', 'utf8')).toContain('What this frame leaves out');
      // ai2html: the readerable check's, which runs with the gate's scan where pages are read.
      for (const part of [...parts, 'What this frame leaves out', 'webextension-polyfill', '_grabArticle', 'ai2html', '\\p{'])
        expect(reader).not.toContain(part);
    });

    it(`${build}: no code in it compiles strings into code (patterns from packs go through the safe matcher)`, () => {
      const found = files(`.output/${build}`)
        .filter((f) => f.endsWith('.js'))
        .flatMap((f) =>
          [...readFileSync(f, 'utf8').matchAll(/\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]|\bnew\s+RegExp\s*\(/g)].map((m) => `${f}: ${m[0]}`),
        );
      expect(found).toEqual([]);
    });
  }

  it("the sources zip for Firefox's review has the reviewer notes, the licence and the privacy statement", () => {
    const zip = readdirSync('.output').find((f) => f.endsWith('-sources.zip'));
    expect(zip, 'run npm run zip first').toBeDefined();
    const listed = spawnSync('unzip', ['-Z1', `.output/${zip}`], { encoding: 'utf8' }).stdout.split('\n');
    for (const file of ['REVIEWER-NOTES.md', 'LICENSE', 'PRIVACY.md', 'package.json', 'package-lock.json', 'assets/icon.svg']) expect(listed).toContain(file);
    expect(listed.some((f) => f.startsWith('node_modules/') || f.startsWith('artifacts/'))).toBe(false);
    expect(existsSync('LICENSE') && readFileSync('LICENSE', 'utf8').startsWith('MIT License')).toBe(true);
  });
});
