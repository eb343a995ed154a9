// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, exportSettings, type Settings } from '../../../src/settings/settings';
import { packsItem, settingsItem } from '../../../src/settings/store';
import { startBackground } from '../../support/background';

const FRAMED = readFileSync('tests/fixtures/pages/arms-race/source.html', 'utf8');
const STORY = 'https://news.example.com/story';
const PACK = readFileSync('tests/fixtures/packs/chip-war.json', 'utf8');

beforeEach(() => fakeBrowser.reset());

const setSettings = (change: Partial<Settings>) => settingsItem().setValue({ ...DEFAULT_SETTINGS, ...change });

describe('the background: which frames get the highlighter', () => {
  it('brings the highlighter into the frame whose page asked, and only from a tab', async () => {
    const bg = await startBackground();
    await bg.send({ type: 'page:wanted' }, { tabId: 5, frameId: 2, url: STORY });
    await bg.send({ type: 'page:wanted' }, {});
    expect(bg.injected).toEqual([{ tabId: 5, frameId: 2, files: ['/highlighter.js'] }]);
  });

  it('brings nothing into a page while paused, or on a site switched off, and brings it once that page is on again', async () => {
    const bg = await startBackground({ '5:0': STORY, '6:0': 'https://elsewhere.example/moved-on' });
    await setSettings({ paused: true });
    await bg.send({ type: 'page:wanted' }, { tabId: 5, frameId: 0, url: STORY });
    await setSettings({ sites: { default: 'everywhere', enabled: [], disabled: ['example.com'] } });
    await bg.send({ type: 'page:wanted' }, { tabId: 6, frameId: 0, url: 'https://example.com/a' });
    expect(bg.injected).toEqual([]);
    // Tab 6 has moved on to another page since it asked: it is let go, not brought the script.
    await setSettings({});
    await vi.waitFor(() => expect(bg.injected).toEqual([{ tabId: 5, frameId: 0, files: ['/highlighter.js'] }]));
  });
});

describe('the background: settings', () => {
  it('switches a site on and off through messages, the context menu and the keyboard command', async () => {
    const bg = await startBackground();
    await bg.send({ type: 'site:set', site: 'WWW.Example.com', enabled: false });
    expect((await settingsItem().getValue()).sites.disabled).toEqual(['example.com']);
    await bg.clickMenu('toggle-site', 'https://www.example.com/story', 3);
    await vi.waitFor(async () => expect((await settingsItem().getValue()).sites).toEqual(DEFAULT_SETTINGS.sites));
    // The keyboard command knows only the tab: the site is its address's where no highlighter answers.
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.quiet.example/recipes' });
    await bg.command('toggle-site', tab.id!);
    await vi.waitFor(async () => expect((await settingsItem().getValue()).sites.disabled).toEqual(['quiet.example']));
  });

  it('shows the tab\'s highlight count on the badge, "off" where the site is off', async () => {
    const bg = await startBackground();
    await bg.send({ type: 'page:status', state: 'on', uses: 11, critiques: 1 }, { tabId: 7 });
    await bg.send({ type: 'page:status', state: 'off', uses: 0, critiques: 0 }, { tabId: 8 });
    await bg.send({ type: 'page:status', state: 'idle', uses: 0, critiques: 0 }, { tabId: 9 });
    expect(Object.fromEntries(bg.badges)).toEqual({ 7: '12', 8: 'off', 9: '' });
    // Grey says "off" whatever the language's word for it; a count is amber.
    expect(Object.fromEntries(bg.badgeColours)).toEqual({ 7: '#b36b00', 8: '#777777', 9: '#b36b00' });
  });

  it('imports a sound settings file, and refuses a bad one with reasons, changing nothing', async () => {
    const bg = await startBackground();
    const mine: Settings = { ...DEFAULT_SETTINGS, showCritiques: false, sites: { default: 'only-enabled', enabled: ['example.com'], disabled: [] } };
    expect(await bg.send({ type: 'settings:import', text: exportSettings(mine) })).toEqual({ ok: true });
    expect(await settingsItem().getValue()).toEqual(mine);
    const refused = async (text: string) => {
      const reply = await bg.send({ type: 'settings:import', text });
      expect(reply.ok).toBe(false);
      expect(await settingsItem().getValue()).toEqual(mine);
      return reply.ok ? '' : reply.problems.join('\n');
    };
    expect(await refused('{ not json')).toMatch(/not JSON/);
    expect(await refused('{"hello": 1}')).toMatch(/not a Counterframe settings file/);
    expect(await refused(JSON.stringify({ format: 'counterframe-settings', version: 99, settings: mine }))).toMatch(/version 99/);
    const bad = JSON.parse(exportSettings(mine));
    bad.settings.sites.enabled = ['javascript:alert(1)'];
    bad.settings.paused = 'yes';
    const problems = await refused(JSON.stringify(bad));
    expect(problems).toMatch(/settings\.sites\.enabled\.0: must be a site/);
    expect(problems).toMatch(/settings\.paused: must be true or false/);
    expect(await refused(' '.repeat(3.5 * 1024 * 1024))).toMatch(/a settings file is at most 3072 KB/);
  });

  it('ignores a message of another shape', async () => {
    const bg = await startBackground();
    expect(await bg.send({ type: 'site:set', site: 'example.com' } as never)).toBeUndefined();
    expect(await settingsItem().getValue()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the background: reading pages and claim packs', () => {
  const page =
    '<!doctype html><html><head><title>Chips</title></head><body><article>' +
    '<p>Lawmakers met this week to discuss export rules for advanced processors and the factories that make them, after a year of hearings, reports and visits to the plants.</p>' +
    '<p>The chip war with China will decide who leads the century, one senator said after the hearing, to nods from colleagues on both sides of the committee room.</p>' +
    '<p>Companies asked for clearer rules and more time to adjust their supply chains before the next deadline, warning that suppliers abroad would otherwise win the orders.</p>' +
    '</article></body></html>';
  const pack = () => JSON.parse(PACK);

  it('has the offscreen document refuse stored packs that do not fit the pack schema, naming the fault', async () => {
    await startBackground();
    const bogus = [{ id: 'x', name: 'X', frames: [{ id: 'no-claims' }], counterpoints: [] }];
    await expect(fakeBrowser.runtime.sendMessage({ type: 'offscreen:read', html: FRAMED, packs: bogus })).rejects.toThrow(/stored claim packs do not fit/);
  });

  it('reads a page away from it, in the offscreen document', async () => {
    const bg = await startBackground();
    const reading = await bg.send({ type: 'page:read', html: FRAMED }, { tabId: 1, url: STORY });
    expect(reading?.matches.length).toBeGreaterThan(0);
    expect(fakeBrowser.offscreen.createDocument).toHaveBeenCalledTimes(1);
  });

  it('imports a pack: stored with what the gate script looks for, and pages are read with its claims and cards', async () => {
    const bg = await startBackground();
    expect((await bg.send({ type: 'page:read', html: page }))?.matches).toEqual([]);
    expect(await bg.send({ type: 'packs:import', text: PACK })).toEqual({ ok: true });
    const stored = await packsItem().getValue();
    expect(stored.packs.map((p) => p.id)).toEqual(['chip-war']);
    // The pack's claim needs a rivalry, not AI: pages about either pass the gate script's first look.
    expect(stored.mentions).toEqual(['ai', 'rivalry']);
    await vi.waitFor(() => expect(bg.registered.map((s) => s.id)).toEqual(['counterframe-packs-flag']));
    const reading = await bg.send({ type: 'page:read', html: page });
    expect(reading?.matches.map((m) => [m.claimId, m.stance, m.quote])).toEqual([['chip-war', 'uses', 'chip war']]);
    expect(reading?.cards.claims['chip-war']?.frameName.en).toBe('A war over chips');
    // The pack's own point, and the bundled one it grants holds.
    expect(Object.keys(reading?.cards.counterpoints ?? {})).toEqual(['chip-supply-chains-interlock', 'chips-contest-holds']);
  });

  it('replaces a pack imported again, and removes it on request', async () => {
    const bg = await startBackground();
    await bg.send({ type: 'packs:import', text: PACK });
    const renamed = JSON.stringify({ ...pack(), name: 'The chip war, second edition' });
    expect(await bg.send({ type: 'packs:import', text: renamed })).toEqual({ ok: true });
    expect((await packsItem().getValue()).packs.map((p) => p.name)).toEqual(['The chip war, second edition']);
    await bg.send({ type: 'packs:remove', id: 'chip-war' });
    expect(await packsItem().getValue()).toEqual({ packs: [], mentions: null });
    expect((await bg.send({ type: 'page:read', html: page }))?.matches).toEqual([]);
  });

  it('makes what the gate script looks for again after an update, from the packs of an earlier version', async () => {
    const bg = await startBackground();
    await bg.send({ type: 'packs:import', text: PACK });
    const current = await packsItem().getValue();
    // As the first version stored them: with the gate's word lists, made from the library of its day.
    await fakeBrowser.storage.local.set({ packs: { packs: current.packs, gate: { claims: [], contexts: {} } } });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1' });
    await vi.waitFor(async () => expect(await packsItem().getValue()).toEqual(current));
  });

  it('refuses a bad pack with its problems and leaves the installed packs untouched', async () => {
    const bg = await startBackground();
    await bg.send({ type: 'packs:import', text: PACK });
    const before = await fakeBrowser.storage.local.get(null);
    const withTrigger = (trigger: string) => {
      const p = pack();
      p.frames[0].claims[0].triggers = [trigger];
      return p;
    };
    for (const bad of [
      '{',
      JSON.stringify(withTrigger('(a+)+$')),
      JSON.stringify({ ...pack(), id: 'other', frames: [{ ...pack().frames[0], id: 'chip-war' }] }),
    ]) {
      const reply = await bg.send({ type: 'packs:import', text: bad });
      expect(reply.ok).toBe(false);
      expect(reply.ok ? [] : reply.problems.length).toBeGreaterThan(0);
    }
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});
