import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GateData } from '../../src/match/gate-scan';
import { watchPage, type GateWatch } from '../../src/page/gate-watch';
import { LIVE_UPDATES } from '../../src/page/live-updates';
import { bundledGate } from '../support/bundled-gate';

const page = (name: string) => readFileSync(`tests/fixtures/pages/${name}`, 'utf8');

/** An article with none of the library's words: about bread. */
const BAKING = `<html><head><title>Bread</title></head><body><article><h1>A slower loaf</h1>${Array.from(
  { length: 4 },
  () => '<p>A sourdough loaf wants a long, cool rise: the dough is folded every half hour, shaped before dinner and left in the fridge overnight, so that the crust blisters and the crumb stays open.</p>',
).join('')}</article></body></html>`;

/** What an installed pack about bread would add to the gate: its one telling word. */
const BREAD_GATE: GateData = {
  claims: [{ trigger: { exact: ['sourdough'], prefixes: [], cased: [], casedPrefixes: [], han: [] }, needs: [] }],
  contexts: {},
};

function load(html: string): Document {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  return document;
}

let watch: GateWatch | undefined;
afterEach(() => {
  watch?.stop();
  vi.useRealTimers();
});

/** The gate script's watch on the test's document, with what it asks of the browser recorded. */
function watched(installed: GateData | null = null) {
  const calls = { wanted: 0, installedGate: 0 };
  watch = watchPage(document, {
    gate: bundledGate,
    installedGate: async () => {
      calls.installedGate++;
      return installed;
    },
    wanted: () => calls.wanted++,
    currentUrl: () => 'https://news.example/story',
  });
  return calls;
}

describe('the gate script (on every page)', () => {
  it('asks for the reader on a framed article, without touching storage', async () => {
    load(page('arms-race-article.html'));
    const calls = watched();
    await vi.waitFor(() => expect(calls.wanted).toBe(1));
    expect(calls.installedGate).toBe(0);
  });

  it('turns away an article without the library’s words, after asking for the packs’ words once', async () => {
    load(BAKING);
    const calls = watched();
    await vi.waitFor(() => expect(calls.installedGate).toBe(1));
    await new Promise((done) => setTimeout(done, 20));
    expect(calls.wanted).toBe(0);
  });

  it('asks for the reader where only an installed pack’s words are on the page', async () => {
    load(BAKING);
    const withPack = watched(BREAD_GATE);
    await vi.waitFor(() => expect(withPack.wanted).toBe(1));
    expect(withPack.installedGate).toBe(1);
  });

  it('follows a page whose article arrives late, and asks for the reader once it is there', async () => {
    vi.useFakeTimers();
    load('<html><head><title>Loading</title></head><body><div id="app">Loading…</div></body></html>');
    const calls = watched();
    await vi.advanceTimersByTimeAsync(50);
    expect(calls.wanted).toBe(0);
    const article = new DOMParser().parseFromString(page('arms-race-article.html'), 'text/html').body;
    document.getElementById('app')!.replaceWith(...[...article.childNodes].map((n) => document.importNode(n, true)));
    await vi.advanceTimersByTimeAsync(LIVE_UPDATES.minIntervalMs + LIVE_UPDATES.debounceMs);
    expect(calls.wanted).toBe(1);
  });

  it('stops following when stopped', async () => {
    vi.useFakeTimers();
    load('<html><body><div id="app">Loading…</div></body></html>');
    const calls = watched();
    await vi.advanceTimersByTimeAsync(50);
    watch!.stop();
    document.getElementById('app')!.replaceWith(document.importNode(new DOMParser().parseFromString(page('arms-race-article.html'), 'text/html').body.firstElementChild!, true));
    await vi.advanceTimersByTimeAsync(LIVE_UPDATES.minIntervalMs + LIVE_UPDATES.debounceMs);
    expect(calls.wanted).toBe(0);
  });
});
