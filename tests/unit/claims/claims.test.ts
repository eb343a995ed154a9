import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundledLibrary, BUNDLED_FRAME_FILES } from '../../../src/claims/library';
import { formatProblem } from '../../../src/claims/lint';
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
    expect(lintDir(LIBRARY_DIR).map(formatProblem)).toEqual([]);
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

  it('gives every claim a sourced counterpoint, and a "where it holds" point for most', () => {
    const kinds = new Map(bundledLibrary.counterpoints.map((c) => [c.id, c.kind]));
    const claims = bundledLibrary.frames.flatMap((f) => f.claims);
    for (const claim of claims)
      expect(
        claim.counterpoints.some((id) => kinds.get(id) === 'leaves-out'),
        claim.id,
      ).toBe(true);
    const withHolds = claims.filter((c) => c.counterpoints.some((id) => kinds.get(id) === 'holds'));
    expect(withHolds.length / claims.length).toBeGreaterThanOrEqual(0.8);
    for (const point of bundledLibrary.counterpoints) {
      expect(point.source.title && point.source.publisher, point.id).toBeTruthy();
      if (point.source.url) expect(point.source.url).toMatch(/^https:\/\//);
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
    const dir = brokenCopy((d) => editJson(join(d, 'frames/zero-sum.json'), (f) => (f.claims[0].counterpoints = [])));
    expect(lintDir(dir).map(formatProblem)).toEqual(['frames/zero-sum.json: claims.0.counterpoints: needs at least one counterpoint']);
  });

  it('names a pattern it cannot run', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'frames/arms-race.json'), (f) => f.claims[0].triggers.push('(arms)+ race')));
    expect(lintDir(dir).map(formatProblem).join('\n')).toMatch(/frames\/arms-race\.json: claims\.0\.triggers\.2: .*does not know/);
  });

  it('names a counterpoint that does not exist, and a source link that is not http(s)', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'frames/cold-war.json'), (f) => f.claims[0].counterpoints.push('no-such-point')));
    expect(lintDir(dir).map(formatProblem)).toEqual(['frames/cold-war.json: claims.0.counterpoints.5: no counterpoint has the id "no-such-point"']);
    const links = brokenCopy((d) => editJson(join(d, 'counterpoints.json'), (c) => (c[0].source.url = 'javascript:alert(1)')));
    expect(lintDir(links).map(formatProblem).join('\n')).toMatch(/counterpoints\.json: 0\.source\.url: must be an http\(s\) link/);
  });

  it('names an example that no longer behaves as labelled', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'frames/zero-sum.json'), (f) => f.claims[0].examples.uses.push('A sentence about gardening.')));
    expect(lintDir(dir).map(formatProblem)).toEqual([
      'frames/zero-sum.json: claims.0.examples.uses.3: expected "uses" for claim "zero-sum", got no match: A sentence about gardening.',
    ]);
  });

  it('names a file that is not JSON', () => {
    const dir = brokenCopy((d) => writeFileSync(join(d, 'cues.json'), '{ "contexts": '));
    expect(lintDir(dir).map(formatProblem).join('\n')).toMatch(/^cues\.json: \(file\): is not valid JSON/);
  });

  it('exits non-zero from the command line with the problem on standard error', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'frames/zero-sum.json'), (f) => delete f.assumes));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lint-claims.ts', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('frames/zero-sum.json: assumes:');
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lint-claims.ts'], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
  });
});
