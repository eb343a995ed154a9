import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportPage } from '../../../src/cli/page-report';
import { corpusPages, ieeeSeedPage, nprSeedPage } from '../../support/shared';

const FRAMED = 'tests/fixtures/pages/arms-race/source.html';

function annotate(args: string[], input?: string) {
  const run = spawnSync('npm', ['run', '--silent', 'annotate', '--', ...args], { encoding: 'utf8', input });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')) };
}

function tempFile(name: string, content: string | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'counterframe-cli-')), name);
  writeFileSync(file, content);
  return file;
}

describe('npm run annotate', () => {
  it('prints exactly one JSON object of the stable shape for a page', () => {
    const run = annotate(['--json', FRAMED]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    expect(Object.keys(report)).toEqual(['title', 'readerable', 'matches']);
    // Readability's title: the page's <title> without the site's name.
    expect(report).toMatchObject({ title: 'Why America Must Win the AI Race', readerable: true });
    expect(report.matches.length).toBeGreaterThanOrEqual(10);
    for (const m of report.matches) {
      expect(m).toEqual({
        frameId: expect.any(String),
        claimId: expect.any(String),
        stance: expect.stringMatching(/^(uses|critiques)$/),
        quote: expect.any(String),
        sentence: expect.any(String),
        start: expect.any(Number),
        end: expect.any(Number),
        sentenceStart: expect.any(Number),
        sentenceEnd: expect.any(Number),
        score: expect.any(Number),
      });
      // start/end are offsets in the article text: the quote sits there inside its sentence.
      expect(m.sentence.slice(m.start - m.sentenceStart, m.end - m.sentenceStart)).toBe(m.quote);
    }
  });

  it('reads standard input with -, and prints a readable report without --json', () => {
    const run = annotate(['-'], readFileSync(FRAMED, 'utf8'));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Why America Must Win the AI Race/);
    expect(run.stdout).toMatch(/USES +Beating, or losing to, China: The goal is to beat China at AI\./);
    expect(run.stdout).toMatch(/CRITIQUES +The AI arms race/);
  });

  it('treats each line as a passage with --sentences, one JSON object per line', () => {
    const input = ['America must win the AI race against China.', 'The weather was fine.', '中美之间的人工智能军备竞赛正在加速。'].join('\n');
    const run = annotate(['--json', '--sentences', '-'], `${input}\n`);
    expect(run.status).toBe(0);
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.matches.length > 0)).toEqual([true, false, true]);
    expect(rows[0].matches[0]).toMatchObject({ claimId: 'win-the-race', stance: 'uses', quote: 'win the AI race', start: 13, end: 28 });
  });

  it('answers a file it cannot read or parse with one line and status 2', () => {
    const missing = annotate(['--json', 'no/such/file.html']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toEqual(['annotate: cannot read no/such/file.html: ENOENT']);
    const binary = annotate(['--json', tempFile('image.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))]);
    expect(binary.status).toBe(2);
    expect(binary.stderr).toHaveLength(1);
    expect(binary.stderr[0]).toMatch(/cannot parse .*binary/);
    const latin1 = annotate(['--sentences', tempFile('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))]);
    expect(latin1.status).toBe(2);
    expect(latin1.stderr[0]).toMatch(/not UTF-8/);
    expect(annotate(['--frobnicate', FRAMED]).status).toBe(2);
  });
});

describe('the pipeline on real pages', () => {
  it('flags none of the 65 corpus pages (none is about an AI race)', () => {
    const flagged = corpusPages()
      .map(({ name, file }) => ({ name, matches: reportPage(readFileSync(file, 'utf8')).matches }))
      .filter((r) => r.matches.length > 0)
      .map((r) => `${r.name}: ${r.matches.map((m) => m.sentence).join(' | ')}`);
    expect(flagged).toEqual([]);
  }, 120_000);

  it('reads the IEEE seed, which argues against the frame, as mostly critique', () => {
    const { matches, readerable } = reportPage(ieeeSeedPage());
    expect(readerable).toBe(true);
    const critiques = matches.filter((m) => m.stance === 'critiques').length;
    expect(matches.length).toBeGreaterThanOrEqual(8);
    expect(critiques / matches.length).toBeGreaterThanOrEqual(0.7);
    expect(matches.find((m) => m.quote === 'beat China')?.stance).toBe('critiques');
  });

  it('reads the NPR write-up\'s "there is no single AI race" as critique', () => {
    const { matches } = reportPage(nprSeedPage());
    expect(matches.find((m) => m.sentence.includes('no single'))).toMatchObject({ claimId: 'the-ai-race', stance: 'critiques', quote: 'AI race' });
  });

  it('reads the framed sample article as mostly use', () => {
    const { matches } = reportPage(readFileSync(FRAMED, 'utf8'));
    expect(matches.filter((m) => m.stance === 'uses').length / matches.length).toBeGreaterThanOrEqual(0.8);
  });

  it('reads a Chinese article as an article (its paragraphs are short in characters, not in content)', () => {
    const { matches, readerable } = reportPage(readFileSync('tests/fixtures/pages/cjk/source.html', 'utf8'));
    expect(readerable).toBe(true);
    expect(matches.some((m) => m.stance === 'uses' && m.quote === '军备竞赛')).toBe(true);
    expect(matches.some((m) => m.stance === 'critiques' && m.sentence.includes('所谓的人工智能军备竞赛'))).toBe(true);
  });
});
