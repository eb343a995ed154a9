import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptJson } from '../../../src/cli/corpus-report';
import type { CorpusRow } from '../../../src/cli/corpus-summary';
import { reportPage } from '../../../src/cli/page-report';
import { CORPUS } from '../../support/shared';

const PAGES = 'tests/fixtures/pages';
const PAGE_FILES = readdirSync(PAGES)
  .map((name) => `${name}/source.html`)
  .sort();

const temp = () => mkdtempSync(join(tmpdir(), 'counterframe-corpus-'));

function corpus(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/annotate.ts', '--corpus', ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const rowsOf = (file: string): CorpusRow[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CorpusRow);

const byFile = (rows: CorpusRow[]) => [...rows].sort((a, b) => (a.file < b.file ? -1 : 1));

describe('annotate --corpus', () => {
  it('writes one line per page of the 65 real pages, each agreeing with --json on that page', () => {
    const out = join(temp(), 'out.jsonl');
    const run = corpus([CORPUS, '--out', out, '--jobs', '2']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const rows = byFile(rowsOf(out));
    expect(rows.map((r) => r.file)).toEqual(
      readdirSync(CORPUS)
        .map((name) => `${name}/source.html`)
        .sort(),
    );
    for (const { file, ...page } of rows) {
      expect(Object.keys(page)).toEqual(['title', 'readerable', 'matches']);
      expect(page, file).toEqual(reportPage(readFileSync(join(CORPUS, file), 'utf8')));
    }
    expect(run.stderr).toMatch(/^65 pages read in [\d.]+ s \([\d.]+ pages\/s on 2 threads\); peak memory \d+ MB\n$/m);
  }, 240_000);

  it('uses every core unless told, and names a page it cannot read while keeping the others', () => {
    const dir = temp();
    for (const file of PAGE_FILES.slice(0, 3)) writeFileSync(join(dir, file.replace('/source', '')), readFileSync(join(PAGES, file)));
    writeFileSync(join(dir, 'broken.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    writeFileSync(join(dir, 'notes.txt'), 'not a page');
    const out = join(dir, 'out.jsonl');
    const run = corpus([dir, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('annotate: broken.html is binary, not text\n');
    expect(run.stderr).toMatch(new RegExp(`3 pages read .* on ${Math.min(availableParallelism(), 4)} threads\\), 1 could not be read`));
    expect(
      rowsOf(out)
        .map((r) => r.file)
        .sort(),
    ).toEqual(PAGE_FILES.slice(0, 3).map((f) => f.replace('/source', '')));
  });

  it('resumes: pages already in --out are skipped, and a line cut short is read again', () => {
    const out = join(temp(), 'out.jsonl');
    expect(corpus([PAGES, '--out', out, '--jobs', '1']).status).toBe(0);
    const full = readFileSync(out, 'utf8').split('\n').filter(Boolean);
    expect(full).toHaveLength(PAGE_FILES.length);
    // As a run stopped mid-write leaves it: three whole lines and part of a fourth.
    writeFileSync(out, `${full.slice(0, 3).join('\n')}\n${full[3]!.slice(0, 40)}`);
    const again = corpus([PAGES, '--out', out, '--jobs', '2']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`^${PAGE_FILES.length - 3} pages read .*, 3 already in `, 'm'));
    expect(byFile(rowsOf(out))).toEqual(byFile(full.map((l) => JSON.parse(l) as CorpusRow)));
    const nothingLeft = corpus([PAGES, '--out', out]);
    expect(nothingLeft.stderr).toMatch(new RegExp(`^0 pages read .*, ${PAGE_FILES.length} already in `, 'm'));
    expect(rowsOf(out)).toHaveLength(PAGE_FILES.length);
  });

  it('takes shares with --shard that partition the pages, whose outputs concatenate to the whole', () => {
    const dir = temp();
    const whole = join(dir, 'all.jsonl');
    expect(corpus([PAGES, '--out', whole, '--jobs', '2']).status).toBe(0);
    const parts = [1, 2, 3].map((i) => {
      const out = join(dir, `part-${i}.jsonl`);
      expect(corpus([PAGES, '--out', out, '--shard', `${i}/3`, '--jobs', '1']).status).toBe(0);
      return rowsOf(out).map((r) => r.file);
    });
    expect(parts.every((p) => p.length > 0 && p.length < PAGE_FILES.length)).toBe(true);
    expect(parts.flat().sort()).toEqual(PAGE_FILES);
    expect(byFile(parts.flatMap((_, i) => rowsOf(join(dir, `part-${i + 1}.jsonl`))))).toEqual(byFile(rowsOf(whole)));
    expect(corpus([PAGES, '--out', join(dir, 'x.jsonl'), '--shard', '4/3']).stderr).toMatch(/--shard is I\/N with 1 ≤ I ≤ N/);
  }, 120_000);

  it('reads a JSONL of {url, date, html}, and sums it up by frame × stance, by site and by month', () => {
    const dir = temp();
    const lines = PAGE_FILES.map((file, i) =>
      JSON.stringify({
        url: `https://${i % 2 ? 'www.site-a' : 'site-b'}.example/${file}`,
        date: `2026-0${1 + (i % 3)}-15`,
        html: readFileSync(join(PAGES, file), 'utf8'),
      }),
    );
    const input = join(dir, 'pages.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n\nnot json\n`);
    const [out, csv, report] = [join(dir, 'out.jsonl'), join(dir, 'summary.csv'), join(dir, 'report.html')];
    const run = corpus([input, '--out', out, '--summary', csv, '--report', report, '--jobs', '2']);
    expect(run.stderr).toContain(`annotate: pages.jsonl:${lines.length + 2} is not a line of JSON`);
    const rows = byFile(rowsOf(out));
    expect(rows.map((r) => r.file)).toEqual(PAGE_FILES.map((_, i) => `pages.jsonl:${i + 1}`).sort());
    expect(Object.keys(rows[0]!)).toEqual(['file', 'url', 'date', 'title', 'readerable', 'matches']);
    for (const row of rows) expect(row.matches).toEqual(reportPage(JSON.parse(lines[Number(row.file.split(':')[1]) - 1]!).html).matches);

    // The counts as a researcher would make them from the JSONL: one per sentence and frame, "uses" if any match there uses it.
    const expected = new Map<string, number>();
    const add = (key: string, n = 1) => expected.set(key, (expected.get(key) ?? 0) + n);
    for (const row of rows) {
      const site = new URL(row.url!).hostname.replace(/^www\./, '');
      const month = row.date!.slice(0, 7);
      const stances = new Map<string, string>();
      for (const m of row.matches) {
        const key = `${m.sentenceStart} ${m.frameId}`;
        if (stances.get(key) !== 'uses') stances.set(key, m.stance);
      }
      const sentences = new Set(row.matches.map((m) => m.sentenceStart)).size;
      for (const scope of [`all,`, `site,${site}`, `month,${month}`]) {
        add(`${scope},*,*`, sentences);
        for (const [key, stance] of stances) add(`${scope},${key.split(' ')[1]},${stance}`);
      }
    }
    const summary = new Map(
      readFileSync(csv, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const cells = line.split(',');
          return [cells.slice(0, 4).join(','), Number(cells[4])] as const;
        }),
    );
    for (const [key, n] of expected) expect(summary.get(key), key).toBe(n);
    for (const [key, n] of summary) expect(n, key).toBe(expected.get(key) ?? 0);
    expect([...summary.keys()].filter((k) => k.endsWith(',*,*'))).toEqual([
      'all,,*,*',
      'site,site-a.example,*,*',
      'site,site-b.example,*,*',
      'month,2026-01,*,*',
      'month,2026-02,*,*',
      'month,2026-03,*,*',
    ]);
    expect(expected.get('all,,*,*')).toBeGreaterThan(10);

    const page = readFileSync(report, 'utf8');
    expect(page).toContain('Chart.js v4');
    expect(page).not.toMatch(/<script[^>]+src=|<link/);
    const data = JSON.parse(/<script type="application\/json" id="data">([^<]*)<\/script>/.exec(page)![1]!);
    expect(data.pages).toBe(PAGE_FILES.length);
    expect(data.passages).toBe(expected.get('all,,*,*'));
    expect(data.frames.find((f: { id: string }) => f.id === 'arms-race')).toMatchObject({
      name: 'The AI arms race',
      uses: expected.get('all,,arms-race,uses'),
    });
  }, 120_000);
});

describe('annotate --corpus on bad input', () => {
  it('says in plain words what it cannot read or write, keeping what it wrote', () => {
    const dir = temp();
    const input = join(dir, 'one.jsonl');
    writeFileSync(input, `${JSON.stringify({ html: readFileSync(join(PAGES, PAGE_FILES[0]!), 'utf8') })}\n`);
    const out = join(dir, 'out.jsonl');
    const summary = corpus([input, '--out', out, '--summary', join(dir, 'no/such/summary.csv'), '--jobs', '1']);
    expect(summary.status).toBe(2);
    expect(summary.stderr).toContain(`annotate: there is no file or folder ${join(dir, 'no/such/summary.csv')}\n`);
    expect(rowsOf(out)).toHaveLength(1);
    expect(corpus([input, '--out', join(dir, 'no/such/out.jsonl')]).stderr).toBe(`annotate: there is no file or folder ${join(dir, 'no/such/out.jsonl')}\n`);
    expect(corpus([join(dir, 'missing'), '--out', out]).stderr).toBe(`annotate: there is no file or folder ${join(dir, 'missing')}\n`);
    expect(corpus([join(dir, 'one.txt'), '--out', out]).status).toBe(2);
    expect(corpus([dir]).stderr).toMatch(/^annotate: --corpus needs --out FILE\.jsonl\n/);
  });
});

describe('the data in the corpus report', () => {
  it('cannot end its script element early', () => {
    const json = scriptJson({ site: '</script><script>alert(1)</script>', also: '<!--' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ site: '</script><script>alert(1)</script>', also: '<!--' });
  });
});
