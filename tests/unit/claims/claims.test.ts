import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundledLibrary, BUNDLED_FRAME_FILES } from '../../../src/claims/library';
import { formatProblem, MAX_CLAIMS_PER_COUNTERPOINT } from '../../../src/claims/lint';
import { lintDir } from '../../../src/cli/lint-claims';

const LIBRARY_DIR = 'src/claims';

function brokenCopy(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterframe-library-'));
  cpSync(LIBRARY_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
  edit(dir);
  return dir;
}

function editJson(file: string, change: (data: any) => void): void {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  change(data);
  writeFileSync(file, JSON.stringify(data, null, 2));
}

describe('the bundled claim library', () => {
  it('passes every lint check: schema, unique ids, references, and every example behaving as labelled', () => {
    expect(lintDir(LIBRARY_DIR).problems.map(formatProblem)).toEqual([]);
  });

  it('bundles every frame file in the folder', () => {
    const files = readdirSync(join(LIBRARY_DIR, 'frames'))
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(Object.keys(BUNDLED_FRAME_FILES).sort()).toEqual(files);
  });

  it('covers the frames the product is about', () => {
    expect(bundledLibrary.frames.map((f) => f.id).sort()).toEqual(
      ['arms-race', 'beat-china', 'cold-war', 'finish-line', 'race-to-the-bottom', 'scoreboard', 'supremacy', 'zero-sum'].sort(),
    );
  });

  it('answers every claim and grants it where it holds, with sources, in English and Simplified Chinese', () => {
    const ids = new Set(bundledLibrary.counterpoints.map((c) => c.id));
    for (const frame of bundledLibrary.frames) {
      expect(frame.zh?.name, frame.id).toMatch(/\p{Script=Han}/u);
      for (const claim of frame.claims) {
        expect(claim.leavesOut.filter((id) => ids.has(id)).length, claim.id).toBeGreaterThan(0);
        expect(claim.holds.filter((id) => ids.has(id)).length, claim.id).toBeGreaterThan(0);
        expect(claim.zh?.says, claim.id).toMatch(/\p{Script=Han}/u);
      }
    }
    for (const point of bundledLibrary.counterpoints) {
      expect(point.source.title && point.source.publisher, point.id).toBeTruthy();
      expect(point.source.url ?? point.source.noLink, point.id).toBeTruthy();
      expect(point.zh?.text, point.id).toMatch(/\p{Script=Han}/u);
    }
  });

  it('has Chinese examples for the core frames', () => {
    const han = /\p{Script=Han}/u;
    for (const id of ['arms-race', 'beat-china', 'zero-sum', 'finish-line', 'cold-war', 'scoreboard', 'supremacy']) {
      const frame = bundledLibrary.frames.find((f) => f.id === id)!;
      expect(
        frame.claims.some((c) => c.examples.uses.some((s) => han.test(s))),
        id,
      ).toBe(true);
    }
  });
});

describe('lint:claims on a broken library', () => {
  it('names the file and field of a schema error', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'frames/zero-sum.json'), (f) => (f.claims[0].leavesOut = [])));
    expect(lintDir(dir).problems.map(formatProblem)).toEqual(['frames/zero-sum.json: claims.0.leavesOut: needs at least one counterpoint']);
  });

  it('names a pattern it cannot run', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'frames/arms-race.json'), (f) => f.claims[0].triggers.push('(arms)+ race')));
    expect(lintDir(dir).problems.map(formatProblem).join('\n')).toMatch(/frames\/arms-race\.json: claims\.0\.triggers\.2: .*does not know/);
  });

  it('names a counterpoint that does not exist, and a source link that is not http(s)', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'frames/cold-war.json'), (f) => f.claims[0].holds.push('no-such-point')));
    expect(lintDir(dir).problems.map(formatProblem)).toEqual([
      `frames/cold-war.json: claims.0.holds.${bundledLibrary.frames.find((f) => f.id === 'cold-war')!.claims[0]!.holds.length}: no counterpoint has the id "no-such-point"`,
    ]);
    const links = brokenCopy((d) => editJson(join(d, 'counterpoints.json'), (c) => (c[0].source.url = 'javascript:alert(1)')));
    expect(lintDir(links).problems.map(formatProblem).join('\n')).toMatch(/counterpoints\.json: 0\.source\.url: must be an http\(s\) link/);
  });

  it('names an example that no longer behaves as labelled', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'frames/zero-sum.json'), (f) => f.claims[0].examples.uses.push('A sentence about gardening.')));
    expect(lintDir(dir).problems.map(formatProblem)).toEqual([
      'frames/zero-sum.json: claims.0.examples.uses.3: expected "uses" for claim "zero-sum", got no match: A sentence about gardening.',
    ]);
  });

  it('names a file that is not JSON', () => {
    const dir = brokenCopy((d) => writeFileSync(join(d, 'cues.json'), '{ "contexts": '));
    expect(lintDir(dir).problems.map(formatProblem).join('\n')).toMatch(/^cues\.json: \(file\): is not valid JSON/);
  });

  it('exits non-zero from the command line with the problem on standard error', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'frames/zero-sum.json'), (f) => delete f.assumes));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lint-claims.ts', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('frames/zero-sum.json: assumes:');
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lint-claims.ts'], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
  });

  it('says, from the command line, that it did not check the quotes where the sources are not beside the project, and checks the rest', () => {
    const env = { ...process.env, COUNTERFRAME_SHARED: join(tmpdir(), 'counterframe-no-shared') };
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lint-claims.ts'], { encoding: 'utf8', env });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/skipped: the quotes were not checked against their sources: the stored texts are not at .*counterframe-no-shared/);
    const dir = brokenCopy((d) => editJson(join(d, 'frames/zero-sum.json'), (f) => (f.claims[0].holds = [])));
    const broken = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lint-claims.ts', dir], { encoding: 'utf8', env });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('frames/zero-sum.json: claims.0.holds: claim "zero-sum" has no "where it holds" point');
  });
});

// A small library: one frame with one claim, two counterpoints quoting a stored source, and the bundled cues.
const STORED = { 'A stored source': 'stored.txt' };
const STORED_TEXT = '<p>The first line of the source says “AI is not a race,” and goes on.</p><p>Its second line has a&nbsp;point of its own.</p>';

function smallLibrary(edit: (frame: any, counterpoints: any[]) => void = () => {}): { dir: string; seeds: string } {
  const dir = mkdtempSync(join(tmpdir(), 'counterframe-small-library-'));
  const zeroSum = JSON.parse(readFileSync(join(LIBRARY_DIR, 'frames/zero-sum.json'), 'utf8'));
  const frame = { ...zeroSum, claims: [{ ...zeroSum.claims[0], leavesOut: ['a'], holds: ['b'] }] };
  const source = { title: 'A stored source', publisher: 'The tests', url: 'https://example.org/stored' };
  const counterpoints = [
    {
      id: 'a',
      text: 'A point it leaves out.',
      zh: { text: '它忽略的一点。' },
      source: { ...source, quote: 'The first line of the source says "AI is not a race,"', speaker: 'Someone' },
    },
    { id: 'b', text: 'Where it holds.', zh: { text: '它成立之处。' }, source: { ...source, quote: 'has a point of its own.' } },
  ];
  edit(frame, counterpoints);
  mkdirSync(join(dir, 'frames'));
  writeFileSync(join(dir, 'frames/small.json'), JSON.stringify(frame));
  writeFileSync(join(dir, 'counterpoints.json'), JSON.stringify(counterpoints));
  cpSync(join(LIBRARY_DIR, 'cues.json'), join(dir, 'cues.json'));
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  writeFileSync(join(seeds, 'stored.txt'), STORED_TEXT);
  return { dir, seeds };
}

const lintSmall = (edit?: (frame: any, counterpoints: any[]) => void, seedsAt?: (seeds: string) => string) => {
  const { dir, seeds } = smallLibrary(edit);
  const report = lintDir(dir, seedsAt ? seedsAt(seeds) : seeds, STORED);
  return { problems: report.problems.map(formatProblem), skipped: report.skipped };
};

describe('lint:claims on what a reader of the cards is owed', () => {
  it('passes a sound library, its quotes checked against the stored text (typographic quotes and spaces read as plain ones)', () => {
    expect(lintSmall()).toEqual({ problems: [], skipped: [] });
  });

  it('names the counterpoint and the first word of a quote that differs from its source', () => {
    expect(lintSmall((_, c) => (c[0].source.quote = 'The first line of the source said "AI is not a race,"')).problems).toEqual([
      'counterpoints.json: 0.source.quote: counterpoint "a": the quote is not verbatim: it differs from the source at the word "said" (after "The first line of the source")',
    ]);
    expect(lintSmall((_, c) => (c[1].source.quote = 'Has a point of its own.')).problems).toEqual([
      'counterpoints.json: 1.source.quote: counterpoint "b": the quote is not verbatim: it differs from the source at the word "Has"',
    ]);
  });

  it('refuses a quote of more than one sentence, and one whose source has no stored text', () => {
    expect(lintSmall((_, c) => (c[1].source.quote = 'It goes on. Its second line has a point of its own.')).problems).toEqual([
      'counterpoints.json: 1.source.quote: counterpoint "b": the quote is 2 sentences; a quote is one sentence at most',
    ]);
    expect(lintSmall((_, c) => (c[1].source = { ...c[1].source, title: 'Unstored' })).problems).toEqual([
      'counterpoints.json: 1.source.quote: counterpoint "b": the quote cannot be checked: no stored text of "Unstored" (STORED_SOURCES in src/cli/lint-claims.ts)',
    ]);
  });

  it('says it skipped the quotes, and why, where the stored texts are absent, and still checks the rest', () => {
    const report = lintSmall(
      (frame) => (frame.claims[0].holds = []),
      (seeds) => join(seeds, 'absent'),
    );
    expect(report.skipped).toEqual([
      expect.stringMatching(/^the quotes were not checked against their sources: the stored texts are not at .*absent \(set COUNTERFRAME_SHARED/),
    ]);
    expect(report.problems).toEqual([
      'frames/small.json: claims.0.holds: claim "zero-sum" has no "where it holds" point',
      'counterpoints.json: 1: counterpoint "b" reaches no card: no claim lists it',
    ]);
  });

  it('names a counterpoint that reaches no card', () => {
    expect(lintSmall((_, c) => c.push({ ...c[0], id: 'c', source: { ...c[0].source, quote: undefined } })).problems).toEqual([
      'counterpoints.json: 2: counterpoint "c" reaches no card: no claim lists it',
    ]);
  });

  it('names a claim without a "where it holds" point', () => {
    expect(lintSmall((frame) => (frame.claims[0] = { ...frame.claims[0], leavesOut: ['a', 'b'], holds: [] })).problems).toEqual([
      'frames/small.json: claims.0.holds: claim "zero-sum" has no "where it holds" point',
    ]);
  });

  it('names a source without a link unless it says why it has none', () => {
    expect(lintSmall((_, c) => delete c[1].source.url).problems).toEqual([
      'counterpoints.json: 1.source: counterpoint "b": its source has no link and does not say why (noLink)',
    ]);
    expect(lintSmall((_, c) => (c[1].source = { ...c[1].source, url: undefined, noLink: 'It was never online.' })).problems).toEqual([]);
  });

  it('names a frame, claim or counterpoint without its Simplified Chinese text', () => {
    expect(
      lintSmall((frame, c) => {
        delete frame.zh;
        delete frame.claims[0].zh;
        delete c[0].zh;
      }).problems,
    ).toEqual([
      'frames/small.json: zh: frame "zero-sum" has no Simplified Chinese name and assumption',
      'frames/small.json: claims.0.zh: claim "zero-sum" has no Simplified Chinese "says"',
      'counterpoints.json: 0.zh: counterpoint "a" has no Simplified Chinese text',
    ]);
  });

  it(`names a counterpoint on more than ${MAX_CLAIMS_PER_COUNTERPOINT} claims' cards`, () => {
    const many = (frame: any) => (frame.claims = Array.from({ length: MAX_CLAIMS_PER_COUNTERPOINT + 1 }, (_, i) => ({ ...frame.claims[0], id: `claim-${i}` })));
    expect(lintSmall(many).problems).toEqual([
      `counterpoints.json: 0: counterpoint "a" is on ${MAX_CLAIMS_PER_COUNTERPOINT + 1} claims' cards, more than ${MAX_CLAIMS_PER_COUNTERPOINT}: too generic to answer each`,
      `counterpoints.json: 1: counterpoint "b" is on ${MAX_CLAIMS_PER_COUNTERPOINT + 1} claims' cards, more than ${MAX_CLAIMS_PER_COUNTERPOINT}: too generic to answer each`,
    ]);
  });
});
