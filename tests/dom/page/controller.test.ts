import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inEnglish, translatorFor } from '../../support/translate';
import { createPageController, type ControllerDeps, type PageStatus } from '../../../src/page/controller';
import { LIVE_UPDATES } from '../../../src/tasks/page-follower';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { setSiteEnabled } from '../../../src/settings/site-rules';
import { analyzeHere, settled } from '../../support/read-here';
import { ticker } from '../../support/ticker';

const reading: Pick<ControllerDeps, 'read'> = { read: analyzeHere };
const URL_OF_PAGE = 'https://news.example/opinion/ai-race';

function load(file: string): void {
  const html = readFileSync(`tests/fixtures/pages/${file}`, 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
}

function marked(): string[] {
  return Array.from(document.querySelectorAll('mark[data-counterframe]')).map((m) => `${m.getAttribute('data-counterframe')}:${m.textContent}`);
}

function controllerOn(file: string, t = inEnglish) {
  load(file);
  const reports: PageStatus[] = [];
  const reads = { count: 0 };
  const read: ControllerDeps['read'] = (doc) => {
    reads.count++;
    return analyzeHere(doc);
  };
  const controller = createPageController(document, URL_OF_PAGE, { read, t, status: (r) => reports.push(r) });
  return { controller, reports, reads };
}

describe('the page controller (the content script, in jsdom)', () => {
  it('highlights the framed passages and reports the counts for the badge', async () => {
    const { controller, reports } = controllerOn('arms-race/source.html');
    expect(controller.summary().reading).toBe(true); // no settings yet
    controller.apply(DEFAULT_SETTINGS);
    expect(controller.summary()).toMatchObject({ reading: true, uses: 0 }); // the reading is on its way
    await settled(controller);
    const summary = controller.summary();
    expect(summary.reading).toBe(false);
    expect(summary.site).toBe('news.example');
    // 9 since the stance model: read on its own, as the label rules read a sentence, "lets a rival
    // catch up" names no contest and the heading "A new Manhattan Project" names no AI.
    expect(summary.uses).toBeGreaterThanOrEqual(9);
    expect(summary.critiques).toBe(1);
    expect(summary.frames).toContain('Beating, or losing to, China');
    expect(reports.at(-1)).toEqual({ state: 'on', uses: summary.uses, critiques: 1 });
    expect(marked().some((m) => m.startsWith('uses:They mean well'))).toBe(true);
  });

  it("names the frames for the popup in the reader's language", async () => {
    const inChinese = translatorFor(JSON.parse(readFileSync('public/_locales/zh_CN/messages.json', 'utf8')));
    const { controller } = controllerOn('arms-race/source.html', inChinese);
    controller.apply(DEFAULT_SETTINGS);
    await settled(controller);
    expect(controller.summary().frames).toContain('打败中国，或输给中国');
    expect(controller.summary().highlights.every((h) => /\p{Script=Han}/u.test(h.frame))).toBe(true);
  });

  it('switching the site off removes every highlight and restores the page; on brings them back', async () => {
    const { controller, reports } = controllerOn('arms-race/source.html');
    const before = document.body.innerHTML;
    controller.apply(DEFAULT_SETTINGS);
    await settled(controller);
    const shown = marked();
    const off: Settings = { ...DEFAULT_SETTINGS, sites: setSiteEnabled(DEFAULT_SETTINGS.sites, 'news.example', false) };
    controller.apply(off);
    expect(document.body.innerHTML).toBe(before);
    expect(reports.at(-1)).toEqual({ state: 'off', uses: 0, critiques: 0 });
    controller.apply(DEFAULT_SETTINGS);
    await settled(controller);
    expect(marked()).toEqual(shown);
  });

  it("the global pause and a parent-domain rule turn it off too; another site's rule does not", async () => {
    const { controller } = controllerOn('arms-race/source.html');
    controller.apply({ ...DEFAULT_SETTINGS, paused: true });
    expect(marked()).toEqual([]);
    controller.apply({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, disabled: ['example'] } });
    expect(marked()).toEqual([]);
    controller.apply({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, disabled: ['other.example'] } });
    await settled(controller);
    expect(marked().length).toBeGreaterThan(0);
    controller.apply({ ...DEFAULT_SETTINGS, sites: { default: 'only-enabled', enabled: [], disabled: [] } });
    expect(marked()).toEqual([]);
  });

  it('hides the critiques, or a frame, when the reader asks', async () => {
    const { controller } = controllerOn('arms-race/source.html');
    controller.apply(DEFAULT_SETTINGS);
    await settled(controller);
    expect(marked().some((m) => m.startsWith('critiques:'))).toBe(true);
    controller.apply({ ...DEFAULT_SETTINGS, showCritiques: false });
    await settled(controller);
    expect(marked().some((m) => m.startsWith('critiques:'))).toBe(false);
    expect(marked().length).toBeGreaterThan(0);
    controller.apply({ ...DEFAULT_SETTINGS, hiddenFrames: ['beat-china'] });
    await settled(controller);
    expect(controller.summary().frames).not.toContain('Beating, or losing to, China');
  });

  it('does nothing on an article without framing, nor on a page that is not http(s)', async () => {
    const { controller, reports } = controllerOn('no-framing/source.html');
    const before = document.body.innerHTML;
    controller.apply(DEFAULT_SETTINGS);
    await settled(controller);
    expect(document.body.innerHTML).toBe(before);
    expect(reports.at(-1)).toEqual({ state: 'idle', uses: 0, critiques: 0 });
    load('arms-race/source.html');
    const local = createPageController(document, 'file:///home/me/saved.html', { ...reading, t: inEnglish });
    local.apply(DEFAULT_SETTINGS);
    await settled(local);
    expect(marked()).toEqual([]);
    expect(local.summary().site).toBeNull();
  });
});

describe('reading with the controller', () => {
  it('hides a passage the reader marks "not framing", from the card, and reports its key', async () => {
    const { controller } = controllerOn('arms-race/source.html');
    const keys: string[] = [];
    const c2 = createPageController(document, URL_OF_PAGE, { ...reading, t: inEnglish, onNotFraming: (k) => keys.push(k) });
    controller.stop();
    c2.apply(DEFAULT_SETTINGS);
    await settled(c2);
    const before = c2.summary().highlights.length;
    c2.show(0);
    const host = document.querySelector('counterframe-card')!;
    (host.shadowRoot!.querySelector('button.not-framing') as HTMLButtonElement).click();
    expect(document.querySelector('counterframe-card')).toBeNull();
    expect(keys).toHaveLength(1);
    c2.setDismissed(keys);
    await settled(c2);
    expect(c2.summary().highlights.length).toBe(before - 1);
  });

  it('steps through every highlight by keyboard command, wrapping around, each opening its card', async () => {
    const { controller } = controllerOn('arms-race/source.html');
    controller.apply(DEFAULT_SETTINGS);
    await settled(controller);
    const total = controller.summary().highlights.length;
    const seen: string[] = [];
    for (let i = 0; i < total + 1; i++) {
      controller.step(1);
      const card = document.querySelector('counterframe-card')!;
      expect(card.shadowRoot!.activeElement?.getAttribute('role')).toBe('dialog');
      seen.push(card.shadowRoot!.querySelector('mark')!.textContent);
    }
    expect(new Set(seen.slice(0, total)).size).toBeGreaterThanOrEqual(total - 1);
    expect(seen[total]).toBe(seen[0]);
    controller.step(-1);
    expect(document.querySelector('counterframe-card')!.shadowRoot!.querySelector('mark')!.textContent).toBe(seen[total - 1]);
  });
});

describe('pages whose content changes', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('highlights a paragraph that arrives after load, and drops one whose text goes away', async () => {
    const { controller } = controllerOn('no-framing/source.html');
    controller.apply(DEFAULT_SETTINGS);
    await settled(controller);
    expect(controller.summary().highlights).toEqual([]);
    const late = document.createElement('p');
    late.textContent = 'Officials in Washington now say the United States must win the AI race against China at any cost.';
    document.querySelector('article')!.append(late);
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(LIVE_UPDATES.minIntervalMs + LIVE_UPDATES.debounceMs);
    expect(controller.summary().highlights.map((h) => h.snippet)).toEqual([late.textContent]);
    late.remove();
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(LIVE_UPDATES.minIntervalMs + LIVE_UPDATES.debounceMs);
    expect(controller.summary().highlights).toEqual([]);
  });

  it('is not woken by its own highlights, reads a page that never goes quiet, and stays bounded there', async () => {
    const { controller, reads } = controllerOn('arms-race/source.html');
    controller.apply(DEFAULT_SETTINGS); // the wrapping painter changes the DOM: that must not count
    await settled(controller);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reads.count).toBe(1);
    // Changes every 50 ms never leave it quiet for the debounce: it reads anyway, once maxWaitMs has passed.
    const changing = ticker(document, 50);
    await changing.run(LIVE_UPDATES.maxWaitMs + 500);
    expect(reads.count).toBe(2);
    await changing.run(LIVE_UPDATES.maxWaitMs * (LIVE_UPDATES.maxLooks + 5));
    expect(reads.count).toBe(1 + LIVE_UPDATES.maxLooks);
    expect(controller.summary().highlights.length).toBeGreaterThan(0);
  });

  it('once stopped, stays stopped: no highlights, no reading, no following, whatever it is asked', async () => {
    const { controller, reads } = controllerOn('arms-race/source.html');
    controller.apply(DEFAULT_SETTINGS);
    await settled(controller);
    controller.stop();
    expect(marked()).toEqual([]);
    controller.apply(DEFAULT_SETTINGS);
    controller.setDismissed([]);
    document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: 'The AI race is on.' }));
    await vi.advanceTimersByTimeAsync(LIVE_UPDATES.maxWaitMs * 2);
    expect(marked()).toEqual([]);
    expect(reads.count).toBe(1);
    expect(controller.summary().highlights).toEqual([]);
  });

  it('anchors again in steps after a change of settings, as on the first paint, not in the task that applied it', async () => {
    const { controller } = controllerOn('arms-race/source.html');
    controller.apply(DEFAULT_SETTINGS);
    await settled(controller);
    expect(controller.summary().critiques).toBe(1);
    controller.apply({ ...DEFAULT_SETTINGS, showCritiques: false });
    expect(controller.summary()).toMatchObject({ reading: true, critiques: 1 });
    await settled(controller);
    expect(controller.summary().critiques).toBe(0);
    expect(controller.summary().uses).toBeGreaterThanOrEqual(9);
  });
});
