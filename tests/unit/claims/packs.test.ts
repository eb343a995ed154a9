import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../src/background/background';
import { bundledLibrary } from '../../../src/claims/library';
import { checkPack, libraryWith, MAX_PACK_FILE_BYTES, withCurrentMentions, type PackResult } from '../../../src/claims/packs';
import type { ImportReply } from '../../../src/protocol/messages';
import { packsItem } from '../../../src/settings/store';
import { background } from '../../support/background';

const PACK = readFileSync('tests/fixtures/packs/chip-war.json', 'utf8');
const pack = () => JSON.parse(PACK);
const problemsOf = (result: PackResult) => (result.ok ? [] : result.problems);

beforeEach(() => fakeBrowser.reset());

describe('checking a claim pack', () => {
  it('accepts a sound pack, which then joins the library', () => {
    const result = checkPack(PACK, []);
    expect(problemsOf(result)).toEqual([]);
    if (!result.ok) return;
    const library = libraryWith([result.pack]);
    expect(library.frames.map((f) => f.id)).toEqual([...bundledLibrary.frames.map((f) => f.id), 'chip-war']);
    expect(library.cues).toBe(bundledLibrary.cues);
  });

  // Each bad file, and the words its refusal must use to say what is wrong.
  const refusals: [string, string, RegExp][] = [
    ['malformed JSON', PACK.slice(0, -20), /not JSON/],
    ['an oversized file', JSON.stringify({ ...pack(), padding: 'x'.repeat(MAX_PACK_FILE_BYTES) }), /larger than 512 KB/],
    ['another format', JSON.stringify({ ...pack(), format: 'counterframe-settings' }), /pack: format: must be "counterframe-claim-pack"/],
    ['a field the schema does not have', JSON.stringify({ ...pack(), extra: 1 }), /pack: extra: /],
    ['a "__proto__" key', PACK.replace('{', '{"__proto__": {"polluted": true}, '), /__proto__/],
    ['a frame without claims', JSON.stringify({ ...pack(), frames: [{ ...pack().frames[0], claims: [] }] }), /frames\.0: claims: needs at least one claim/],
    ['a regular expression that would backtrack catastrophically', JSON.stringify(withTrigger('(a+)+$')), /triggers\.0: "\(a\+\)\+\$".*characters the pattern language does not know/],
    ['a nested quantifier', JSON.stringify(withTrigger('(x|x?)*y')), /characters the pattern language does not know/],
    ['a javascript: link', JSON.stringify(withSourceUrl('javascript:alert(1)')), /counterpoints: 0\.source\.url: must be an http\(s\) link/],
    ['a data: link', JSON.stringify(withSourceUrl('data:text/html,<script>alert(1)</script>')), /must be an http\(s\) link/],
    ['an id the bundled library already uses', JSON.stringify({ ...pack(), frames: [{ ...pack().frames[0], id: 'arms-race' }] }), /frame id "arms-race" is used by more than one frame/],
    ['a counterpoint that does not exist', JSON.stringify(withClaim({ counterpoints: ['no-such-point'] })), /no counterpoint has the id "no-such-point"/],
    ['a context the cues do not have', JSON.stringify(withClaim({ needs: ['weather'] })), /no context named "weather"/],
    ['an example that does not behave as labelled', JSON.stringify(withClaim({ examples: { uses: ['A recipe for lemon cake.'], critiques: [], none: ['Nothing here.'] } })), /expected "uses" for claim "chip-war", got no match: A recipe for lemon cake\./],
  ];

  for (const [what, text, says] of refusals) {
    it(`refuses ${what}, saying what is wrong`, () => {
      const result = checkPack(text, []);
      expect(result.ok).toBe(false);
      expect(problemsOf(result).join('\n')).toMatch(says);
    });
  }
});

function withClaim(change: Record<string, unknown>) {
  const p = pack();
  p.frames[0].claims[0] = { ...p.frames[0].claims[0], ...change };
  return p;
}

function withTrigger(trigger: string) {
  return withClaim({ triggers: [trigger] });
}

function withSourceUrl(url: string) {
  const p = pack();
  p.counterpoints[0].source.url = url;
  return p;
}

describe('claim packs in the background', () => {
  const page = '<!doctype html><html><head><title>Chips</title></head><body><article>' +
    '<p>Lawmakers met this week to discuss export rules for advanced processors and the factories that make them, after a year of hearings, reports and visits to the plants.</p>' +
    '<p>The chip war with China will decide who leads the century, one senator said after the hearing, to nods from colleagues on both sides of the committee room.</p>' +
    '<p>Companies asked for clearer rules and more time to adjust their supply chains before the next deadline, warning that suppliers abroad would otherwise win the orders.</p>' +
    '</article></body></html>';

  it('imports a pack: stored with what the gate script looks for, and pages are read with its claims and cards', async () => {
    const deps = background();
    expect((await deps.read(page)).matches).toEqual([]);
    expect(await handleMessage({ type: 'packs:import', text: PACK }, {}, deps)).toEqual({ ok: true });
    const stored = await packsItem().getValue();
    expect(stored.packs.map((p) => p.id)).toEqual(['chip-war']);
    // The pack's claim needs a rivalry, not AI: pages about either pass the gate script's first look.
    expect(stored.mentions).toEqual(['ai', 'rivalry']);
    const reading = await deps.read(page);
    expect(reading.matches.map((m) => [m.claimId, m.stance, m.quote])).toEqual([['chip-war', 'uses', 'chip war']]);
    expect(reading.cards.claims['chip-war'].frameName).toBe('A war over chips');
    expect(Object.keys(reading.cards.counterpoints)).toEqual(['chip-supply-chains-interlock']);
  });

  it('replaces a pack imported again, and removes it on request', async () => {
    const deps = background();
    await handleMessage({ type: 'packs:import', text: PACK }, {}, deps);
    const renamed = JSON.stringify({ ...pack(), name: 'The chip war, second edition' });
    expect(await handleMessage({ type: 'packs:import', text: renamed }, {}, deps)).toEqual({ ok: true });
    expect((await packsItem().getValue()).packs.map((p) => p.name)).toEqual(['The chip war, second edition']);
    await handleMessage({ type: 'packs:remove', id: 'chip-war' }, {}, deps);
    expect(await packsItem().getValue()).toEqual({ packs: [], mentions: null });
    expect((await deps.read(page)).matches).toEqual([]);
  });

  it('makes what the gate script looks for again after an update, from the packs of an earlier version, and writes nothing where it is current', async () => {
    const deps = background();
    await handleMessage({ type: 'packs:import', text: PACK }, {}, deps);
    const current = await packsItem().getValue();
    // As the first version stored them: with the gate's word lists, made from the library of its day.
    await fakeBrowser.storage.local.set({ packs: { packs: current.packs, gate: { claims: [], contexts: {} } } });
    await deps.updatePacks(withCurrentMentions);
    expect(await packsItem().getValue()).toEqual(current);
    expect(withCurrentMentions(current)).toBe(current);
  });

  it('refuses a bad pack with its problems and leaves the installed packs untouched', async () => {
    const deps = background();
    await handleMessage({ type: 'packs:import', text: PACK }, {}, deps);
    const before = await fakeBrowser.storage.local.get(null);
    for (const bad of ['{', JSON.stringify(withTrigger('(a+)+$')), JSON.stringify({ ...pack(), id: 'other', frames: [{ ...pack().frames[0], id: 'chip-war' }] })]) {
      const reply = (await handleMessage({ type: 'packs:import', text: bad }, {}, deps)) as ImportReply;
      expect(reply.ok).toBe(false);
      expect(reply.ok ? [] : reply.problems.length).toBeGreaterThan(0);
    }
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});
