import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledLibrary } from '../../../src/claims/library';
import { checkPack, libraryWith, MAX_PACK_FILE_BYTES, storedPacks, withCurrentMentions, type PackResult } from '../../../src/claims/packs';

const PACK = readFileSync('tests/fixtures/packs/chip-war.json', 'utf8');
// The same pack in the format of version 1: one list of counterpoints per claim, each point of one kind.
const PACK_V1 = readFileSync('tests/fixtures/packs/chip-war-v1.json', 'utf8');
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

  it("reads a pack of version 1, each claim's counterpoints split by the kind version 1 gave them, and stored packs of that shape too", () => {
    const current = checkPack(PACK, []);
    const old = checkPack(PACK_V1, []);
    expect(problemsOf(old)).toEqual([]);
    if (!old.ok || !current.ok) return;
    expect(old.pack).toEqual(current.pack);
    expect(old.pack.frames[0]!.claims[0]).toMatchObject({ leavesOut: ['chip-supply-chains-interlock'], holds: ['chips-contest-holds'] });
    // A point of the pack's own that version 1 marked "holds" is where its claims hold.
    const ownHolds = JSON.parse(PACK_V1);
    ownHolds.counterpoints.push({ ...ownHolds.counterpoints[0], id: 'chips-are-contested', kind: 'holds' });
    ownHolds.frames[0].claims[0].counterpoints.push('chips-are-contested');
    const withOwn = checkPack(JSON.stringify(ownHolds), []);
    expect(withOwn.ok && withOwn.pack.frames[0]!.claims[0]!.holds).toEqual(['chips-contest-holds', 'chips-are-contested']);
    const stored = { id: 'chip-war', name: 'The chip war', frames: pack().frames, counterpoints: pack().counterpoints };
    const storedV1 = JSON.parse(PACK_V1);
    const oldStored = { id: 'chip-war', name: 'The chip war', frames: storedV1.frames, counterpoints: storedV1.counterpoints };
    expect(storedPacks([oldStored])).toEqual(storedPacks([stored]));
    // The background writes stored packs anew in this version's shape.
    expect(withCurrentMentions({ packs: [oldStored] as never, mentions: null }).packs).toEqual(storedPacks([stored]));
  });

  // Each bad file, and the words its refusal must use to say what is wrong.
  const refusals: [string, string, RegExp][] = [
    ['malformed JSON', PACK.slice(0, -20), /not JSON/],
    ['an oversized file', JSON.stringify({ ...pack(), padding: 'x'.repeat(MAX_PACK_FILE_BYTES) }), /larger than 512 KB/],
    ['another format', JSON.stringify({ ...pack(), format: 'counterframe-settings' }), /pack: format: must be "counterframe-claim-pack"/],
    ['a field the schema does not have', JSON.stringify({ ...pack(), extra: 1 }), /pack: extra: /],
    ['a "__proto__" key', PACK.replace('{', '{"__proto__": {"polluted": true}, '), /__proto__/],
    ['a frame without claims', JSON.stringify({ ...pack(), frames: [{ ...pack().frames[0], claims: [] }] }), /frames\.0: claims: needs at least one claim/],
    [
      'a regular expression that would backtrack catastrophically',
      JSON.stringify(withTrigger('(a+)+$')),
      /triggers\.0: "\(a\+\)\+\$".*characters the pattern language does not know/,
    ],
    ['a nested quantifier', JSON.stringify(withTrigger('(x|x?)*y')), /characters the pattern language does not know/],
    ['a javascript: link', JSON.stringify(withSourceUrl('javascript:alert(1)')), /counterpoints: 0\.source\.url: must be an http\(s\) link/],
    ['a data: link', JSON.stringify(withSourceUrl('data:text/html,<script>alert(1)</script>')), /must be an http\(s\) link/],
    [
      'an id the bundled library already uses',
      JSON.stringify({ ...pack(), frames: [{ ...pack().frames[0], id: 'arms-race' }] }),
      /frame id "arms-race" is used by more than one frame/,
    ],
    ['a counterpoint that does not exist', JSON.stringify(withClaim({ leavesOut: ['no-such-point'] })), /no counterpoint has the id "no-such-point"/],
    ['a context the cues do not have', JSON.stringify(withClaim({ needs: ['weather'] })), /no context named "weather"/],
    [
      'an example that does not behave as labelled',
      JSON.stringify(withClaim({ examples: { uses: ['A recipe for lemon cake.'], critiques: [], none: ['Nothing here.'] } })),
      /expected "uses" for claim "chip-war", got no match: A recipe for lemon cake\./,
    ],
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
