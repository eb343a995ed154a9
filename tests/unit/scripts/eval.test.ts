import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledLibrary } from '../../../src/claims/library';
import { compileLibrary } from '../../../src/match/compile';
import { meetsTargets, predict, predictNaive, readLabelled, score } from '../../../scripts/lib/evaluate';

const compiled = compileLibrary(bundledLibrary);
const dev = readLabelled('tests/fixtures/labelled/passages.jsonl');

describe('the labelled development set', () => {
  it('holds at least 200 passages of each label, in English and Chinese', () => {
    expect(dev.length).toBeGreaterThanOrEqual(200);
    for (const label of ['uses', 'critiques', 'none'] as const) {
      for (const lang of ['en', 'zh'])
        expect(
          dev.some((p) => p.label === label && p.lang === lang),
          `${label}/${lang}`,
        ).toBe(true);
    }
  });
});

describe('npm run eval', () => {
  it('meets the targets on the development set and beats the naive baseline', () => {
    const ours = score(dev, (text) => predict(compiled, text));
    const naive = score(dev, (text) => predictNaive(compiled, text));
    expect({ f1: ours.usesF1 >= 0.92, critiquesAsUses: ours.critiquesAsUses <= 0.1, none: ours.noneFlagged <= 0.02 }).toEqual({
      f1: true,
      critiquesAsUses: true,
      none: true,
    });
    expect(meetsTargets(ours)).toBe(true);
    expect(ours.usesF1).toBeGreaterThan(naive.usesF1);
    expect(ours.critiquesAsUses).toBeLessThan(naive.critiquesAsUses);
    expect(ours.noneFlagged).toBeLessThan(naive.noneFlagged);
  });

  it('scores a judge by the definitions: precision, recall, critiques as uses, none flagged', () => {
    const set = [
      { label: 'uses', lang: 'en', source: 't', text: 'a' },
      { label: 'uses', lang: 'en', source: 't', text: 'b' },
      { label: 'critiques', lang: 'en', source: 't', text: 'c' },
      { label: 'none', lang: 'en', source: 't', text: 'd' },
    ] as const;
    const judged = { a: 'uses', b: 'none', c: 'uses', d: 'critiques' } as const;
    const s = score([...set], (text) => judged[text as keyof typeof judged]);
    expect(s.usesPrecision).toBe(0.5);
    expect(s.usesRecall).toBe(0.5);
    expect(s.usesF1).toBe(0.5);
    expect(s.critiquesAsUses).toBe(1);
    expect(s.noneFlagged).toBe(1);
    expect(s.errors).toHaveLength(3);
  });

  it("scores a curator's own labelled file alone, and names the line of a bad row", () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterframe-eval-'));
    const rows = [
      { label: 'uses', lang: 'en', source: 'ours', text: 'Washington has to win the AI race against Beijing, whatever it costs.' },
      { label: 'none', lang: 'en', source: 'ours', text: 'The governor is far ahead in the Senate race, according to the latest poll.' },
      { label: 'none', lang: 'en', source: 'ours', text: 'America must beat China in the race to dominate artificial intelligence.' },
    ];
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, rows.map((row) => JSON.stringify(row)).join('\n'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', good], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${good} (3 passages): uses P 0.500, uses R 1.000`);
    expect(run.stdout).toContain('none -> uses: America must beat China');
    expect(run.stdout).not.toContain('Real sentences');

    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(rows[0])}\n\n{"label": "uses", "text":`);
    const broken = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', bad], { encoding: 'utf8' });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`${bad}:3: not a JSON row`);
  });
});
