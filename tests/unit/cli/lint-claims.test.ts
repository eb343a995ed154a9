import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PACK = 'tests/fixtures/packs/chip-war.json';

function lint(target: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lint-claims.ts', target], { encoding: 'utf8' });
}

describe('npm run lint:claims FILE.json', () => {
  it('checks a single claim pack as the settings page would', () => {
    const run = lint(PACK);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`lint:claims: the claim pack ${PACK} is sound\n`);
  });

  it('names each problem of a pack that would be refused, and exits 1', () => {
    const pack = JSON.parse(readFileSync(PACK, 'utf8'));
    pack.frames[0].id = 'arms-race';
    pack.counterpoints[0].source.url = 'javascript:alert(1)';
    const file = join(mkdtempSync(join(tmpdir(), 'counterframe-pack-')), 'bad.json');
    writeFileSync(file, JSON.stringify(pack));
    const run = lint(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/counterpoints: 0\.source\.url: must be an http\(s\) link/);
    expect(run.stderr).toMatch(/lint:claims: \d+ problems? in the claim pack /);
  });

  it('says in plain words that a path does not exist', () => {
    const run = lint('no/such/pack.json');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('lint:claims: there is no file or folder no/such/pack.json\n');
  });
});
