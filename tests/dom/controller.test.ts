import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledLibrary } from '../../src/claims/library';
import { inEnglish } from '../../src/i18n';
import { compileLibrary } from '../../src/match/compile';
import { createPageController, type PageReport } from '../../src/page/controller';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { setSiteEnabled } from '../../src/settings/site-rules';

const compiled = compileLibrary(bundledLibrary);
const URL_OF_PAGE = 'https://news.example/opinion/ai-race';

function load(file: string): void {
  const html = readFileSync(`tests/fixtures/pages/${file}`, 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
}

function marked(): string[] {
  return Array.from(document.querySelectorAll('mark[data-counterframe]')).map((m) => `${m.getAttribute('data-counterframe')}:${m.textContent}`);
}

function controllerOn(file: string) {
  load(file);
  const reports: PageReport[] = [];
  const controller = createPageController(document, URL_OF_PAGE, compiled, { t: inEnglish, report: (r) => reports.push(r) });
  return { controller, reports };
}

describe('the page controller (the content script, in jsdom)', () => {
  it('highlights the framed passages and reports the counts for the badge', () => {
    const { controller, reports } = controllerOn('arms-race-article.html');
    controller.apply(DEFAULT_SETTINGS);
    const summary = controller.summary();
    expect(summary.site).toBe('news.example');
    expect(summary.uses).toBeGreaterThanOrEqual(10);
    expect(summary.critiques).toBe(1);
    expect(summary.frames).toContain('Beating, or losing to, China');
    expect(reports.at(-1)).toEqual({ state: 'on', uses: summary.uses, critiques: 1 });
    expect(marked().some((m) => m.startsWith('uses:They mean well'))).toBe(true);
  });

  it('switching the site off removes every highlight and restores the page; on brings them back', () => {
    const { controller, reports } = controllerOn('arms-race-article.html');
    const before = document.body.innerHTML;
    controller.apply(DEFAULT_SETTINGS);
    const shown = marked();
    const off: Settings = { ...DEFAULT_SETTINGS, sites: setSiteEnabled(DEFAULT_SETTINGS.sites, 'news.example', false) };
    controller.apply(off);
    expect(document.body.innerHTML).toBe(before);
    expect(reports.at(-1)).toEqual({ state: 'off', uses: 0, critiques: 0 });
    controller.apply(DEFAULT_SETTINGS);
    expect(marked()).toEqual(shown);
  });

  it('the global pause and a parent-domain rule turn it off too; another site\'s rule does not', () => {
    const { controller } = controllerOn('arms-race-article.html');
    controller.apply({ ...DEFAULT_SETTINGS, paused: true });
    expect(marked()).toEqual([]);
    controller.apply({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, disabled: ['example'] } });
    expect(marked()).toEqual([]);
    controller.apply({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, disabled: ['other.example'] } });
    expect(marked().length).toBeGreaterThan(0);
    controller.apply({ ...DEFAULT_SETTINGS, sites: { default: 'only-enabled', enabled: [], disabled: [] } });
    expect(marked()).toEqual([]);
  });

  it('hides the critiques, or a frame, when the reader asks', () => {
    const { controller } = controllerOn('arms-race-article.html');
    controller.apply(DEFAULT_SETTINGS);
    expect(marked().some((m) => m.startsWith('critiques:'))).toBe(true);
    controller.apply({ ...DEFAULT_SETTINGS, showCritiques: false });
    expect(marked().some((m) => m.startsWith('critiques:'))).toBe(false);
    expect(marked().length).toBeGreaterThan(0);
    controller.apply({ ...DEFAULT_SETTINGS, hiddenFrames: ['beat-china'] });
    expect(controller.summary().frames).not.toContain('Beating, or losing to, China');
  });

  it('does nothing on an article without framing, nor on a page that is not http(s)', () => {
    const { controller, reports } = controllerOn('no-framing-article.html');
    const before = document.body.innerHTML;
    controller.apply(DEFAULT_SETTINGS);
    expect(document.body.innerHTML).toBe(before);
    expect(reports.at(-1)).toEqual({ state: 'idle', uses: 0, critiques: 0 });
    load('arms-race-article.html');
    const local = createPageController(document, 'file:///home/me/saved.html', compiled, { t: inEnglish });
    local.apply(DEFAULT_SETTINGS);
    expect(marked()).toEqual([]);
    expect(local.summary().site).toBeNull();
  });
});
