import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPage } from '../../../src/gate/watch';
import { LIVE_UPDATES } from '../../../src/tasks/page-follower';
import { bundledGate, bundledPatterns, gateScriptPatterns } from '../../support/bundled-gate';
import { ticker } from '../../support/ticker';

const page = (name: string) => readFileSync(`tests/fixtures/pages/${name}`, 'utf8');

/** An article with none of the library's words: about bread. */
const BAKING = `<html><head><title>Bread</title></head><body><article><h1>A slower loaf</h1>${Array.from(
  { length: 4 },
  () =>
    '<p>A sourdough loaf wants a long, cool rise: the dough is folded every half hour, shaped before dinner and left in the fridge overnight, so that the crust blisters and the crumb stays open.</p>',
).join('')}</article></body></html>`;

function load(html: string): Document {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  return document;
}

let watch: AbortController | undefined;
afterEach(() => {
  watch?.abort();
  vi.useRealTimers();
});

/**
 * The gate script's watch on the test's document, with what it asks of the browser recorded. With
 * `installed` (the contexts the library with the reader's packs needs), packs are installed, and the
 * packs flag script has brought every context's patterns.
 */
function watched(installed?: string[] | null, url = 'https://news.example/story') {
  const calls = { wanted: 0, installedMentions: 0, refused: 0 };
  watch = new AbortController();
  watchPage(
    document,
    {
      patterns: gateScriptPatterns,
      mentions: bundledGate.mentions ?? null,
      packsPatterns: () => (installed === undefined ? undefined : bundledPatterns),
      installedMentions: async () => {
        calls.installedMentions++;
        return installed ?? null;
      },
      wanted: () => calls.wanted++,
      currentUrl: () => url,
      // The stages it runs, as the benchmark build times them: how a test sees that a look turned the page away.
      measure: (stage, work) => {
        if (stage === 'refused no-trigger-words') calls.refused++;
        return work();
      },
    },
    watch.signal,
  );
  return calls;
}

describe('the gate script (on every page)', () => {
  it('asks for the reader on a framed article at once, in the task it starts in, without touching storage', () => {
    load(page('arms-race/source.html'));
    const calls = watched();
    expect(calls.wanted).toBe(1);
    expect(calls.installedMentions).toBe(0);
  });

  it('turns away an article without a word about AI, and follows it', async () => {
    vi.useFakeTimers();
    load(BAKING);
    const calls = watched();
    await vi.advanceTimersByTimeAsync(50);
    expect(calls).toEqual({ wanted: 0, installedMentions: 0, refused: 1 });
    // Followed: the same page, once it speaks of AI, asks for the reader.
    document
      .querySelector('article')!
      .append(Object.assign(document.createElement('p'), { textContent: 'The bakery now plans its orders with artificial intelligence.' }));
    await vi.advanceTimersByTimeAsync(LIVE_UPDATES.minIntervalMs + LIVE_UPDATES.debounceMs);
    expect(calls.wanted).toBe(1);
  });

  it('neither asks for the reader nor follows a page that is not on the web', async () => {
    vi.useFakeTimers();
    load(page('arms-race/source.html'));
    const calls = watched(undefined, 'file:///home/reader/story.html');
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(LIVE_UPDATES.minIntervalMs + LIVE_UPDATES.debounceMs);
    expect(calls.wanted).toBe(0);
  });

  it('where packs are installed, looks for the contexts the library with them needs, asking storage once', async () => {
    load(BAKING);
    const aboutAi = watched(['ai']);
    await vi.waitFor(() => expect(aboutAi.refused).toBe(1));
    expect(aboutAi.installedMentions).toBe(1);
    expect(aboutAi.wanted).toBe(0);
    watch!.abort();

    load('<html><body><article><p>The rivalry between the two bakeries on Main Street divides the nation’s food writers.</p></article></body></html>');
    const aboutRivals = watched(['ai', 'rivalry']);
    await vi.waitFor(() => expect(aboutRivals.wanted).toBe(1));
  });

  it('where packs are installed, looks with the patterns the packs flag script brings, not only the gate script’s own', async () => {
    // The gate script carries only the bundled library's contexts; a pack's claims may need another.
    expect(Object.keys(gateScriptPatterns)).not.toContain('rivalry');
    load(BAKING);
    const notAboutRivals = watched(['rivalry']);
    await vi.waitFor(() => expect(notAboutRivals.refused).toBe(1));
    expect(notAboutRivals.installedMentions).toBe(1);
    expect(notAboutRivals.wanted).toBe(0);
  });

  it('asks for the reader on any page where a pack’s claim needs no context: the reader’s scan decides', async () => {
    load(BAKING);
    const calls = watched(null);
    await vi.waitFor(() => expect(calls.wanted).toBe(1));
    expect(calls.installedMentions).toBe(1);
  });

  it('follows a page whose article arrives late, and asks for the reader once it is there', async () => {
    vi.useFakeTimers();
    load('<html><head><title>Loading</title></head><body><div id="app">Loading…</div></body></html>');
    const calls = watched();
    await vi.advanceTimersByTimeAsync(50);
    expect(calls.wanted).toBe(0);
    const article = new DOMParser().parseFromString(page('arms-race/source.html'), 'text/html').body;
    document.getElementById('app')!.replaceWith(...[...article.childNodes].map((n) => document.importNode(n, true)));
    await vi.advanceTimersByTimeAsync(LIVE_UPDATES.minIntervalMs + LIVE_UPDATES.debounceMs);
    expect(calls.wanted).toBe(1);
  });

  it('follows a page that puts in a new body, and asks for the reader once it speaks of AI', async () => {
    vi.useFakeTimers();
    load(BAKING);
    const calls = watched();
    await vi.advanceTimersByTimeAsync(50);
    expect(calls.wanted).toBe(0);
    document.documentElement.replaceChild(
      document.importNode(new DOMParser().parseFromString(page('arms-race/source.html'), 'text/html').body, true),
      document.body,
    );
    await vi.advanceTimersByTimeAsync(LIVE_UPDATES.minIntervalMs + LIVE_UPDATES.debounceMs);
    expect(calls.wanted).toBe(1);
  });

  it('looks again at a page that never goes quiet, at most maxWaitMs after it changed, and at most maxLooks times', async () => {
    vi.useFakeTimers();
    load(BAKING);
    const calls = watched();
    const changing = ticker(document, 100);
    await changing.run(LIVE_UPDATES.maxWaitMs + 200);
    expect(calls.refused).toBe(2);
    await changing.run(LIVE_UPDATES.maxWaitMs * (LIVE_UPDATES.maxLooks + 5));
    expect(calls.refused).toBe(1 + LIVE_UPDATES.maxLooks);
  });

  it('stops following when stopped', async () => {
    vi.useFakeTimers();
    load('<html><body><div id="app">Loading…</div></body></html>');
    const calls = watched();
    await vi.advanceTimersByTimeAsync(50);
    watch!.abort();
    document
      .getElementById('app')!
      .replaceWith(document.importNode(new DOMParser().parseFromString(page('arms-race/source.html'), 'text/html').body.firstElementChild!, true));
    await vi.advanceTimersByTimeAsync(LIVE_UPDATES.minIntervalMs + LIVE_UPDATES.debounceMs);
    expect(calls.wanted).toBe(0);
  });
});
