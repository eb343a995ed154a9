import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportPage } from '../../../src/cli/page-report';
import { MAX_PAGE_HTML } from '../../../src/page/remote-analysis';
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

  it('answers a file it cannot read or parse with one line in plain words and status 2', () => {
    const missing = annotate(['--json', 'no/such/file.html']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toEqual(['annotate: there is no file or folder no/such/file.html']);
    const folder = annotate(['tests/fixtures/pages']);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toEqual(['annotate: tests/fixtures/pages is a folder, not a file']);
    const binary = annotate(['--json', tempFile('image.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))]);
    expect(binary.status).toBe(2);
    expect(binary.stderr).toHaveLength(1);
    expect(binary.stderr[0]).toMatch(/image\.html is binary, not text$/);
    const latin1 = annotate(['--sentences', tempFile('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))]);
    expect(latin1.status).toBe(2);
    expect(latin1.stderr[0]).toMatch(/latin1\.txt is not UTF-8 text and declares no other charset/);
    const unknown = annotate(['--frobnicate', FRAMED]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr[0]).toBe('annotate: there is no option --frobnicate');
    for (const run of [missing, folder, binary, latin1, unknown]) expect(run.stderr.join('\n')).not.toMatch(/E[A-Z]{3,}|at .*\.ts:\d/);
  });

  it('prints its usage on standard output with status 0 for --help', () => {
    const run = annotate(['--help']);
    expect(run.status).toBe(0);
    expect(run.stderr).toEqual([]);
    expect(run.stdout).toMatch(/^usage:/);
    expect(run.stdout).toContain('--corpus DIR|FILE.jsonl --out FILE.jsonl');
  });

  it('refuses a page larger than the extension reads, saying why', () => {
    const page = readFileSync(FRAMED, 'utf8').replace('</body>', `<p>${'x'.repeat(MAX_PAGE_HTML)}</p></body>`);
    const run = annotate(['--json', tempFile('huge.html', page)]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toEqual([
      expect.stringMatching(/^annotate: .*huge\.html is 8\.\d MB; the extension does not read pages over 8 MB of HTML, and neither does this$/),
    ]);
  });

  it('counts passages, not matches, with the right plurals, and gives the counterpoints', () => {
    const run = annotate(['-'], readFileSync(FRAMED, 'utf8'));
    const matches = reportPage(readFileSync(FRAMED, 'utf8')).matches;
    const sentences = new Set(matches.map((m) => m.sentenceStart)).size;
    expect(sentences).toBeLessThan(matches.length);
    expect(run.stdout.split('\n')[2]).toBe(`${sentences} passages flagged: ${sentences - 1} use an arms-race frame, 1 critiques one`);
    expect(run.stdout).toMatch(/What the frames leave out:\n {2}- .+\n {4}Source: /);
    expect(run.stdout).toMatch(/Where the frames hold:\n {2}- .+\n {4}Source: .+\n/);
    expect(run.stdout).toMatch(/\n {4}Source: [^\n]*IEEE Spectrum, 2026-02-19 <https:\/\/spectrum\.ieee\.org\/us-china-ai>/);
    const one = annotate(['--sentences', '-'], 'We must win the AI race against China, and beat China.\n');
    expect(one.stdout.trim().split('\n').at(-1)).toBe('1 passage flagged: 1 uses an arms-race frame, 0 critique one');
  });

  it('gives the same report as Markdown and as HTML with --format', () => {
    const md = annotate(['--format', 'md', FRAMED]);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# Framing report: Why America Must Win the AI Race\n\nAddress: source\.html {2}\nRead on: \d{4}-\d\d-\d\d\n/);
    expect(md.stdout).toContain('## Flagged passages');
    const page = annotate(['--format=html', FRAMED]);
    expect(page.status).toBe(0);
    expect(page.stdout).toMatch(/^<!doctype html>/);
    expect(page.stdout).toContain('<h1>Framing report: Why America Must Win the AI Race</h1>');
    expect(annotate(['--format', 'pdf', FRAMED]).stderr[0]).toBe('annotate: --format is one of text, json, md, html, not pdf');
    expect(annotate(['--format', 'json', FRAMED]).stdout).toBe(annotate(['--json', FRAMED]).stdout);
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
