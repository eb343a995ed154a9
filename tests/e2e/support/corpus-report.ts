import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolders, type StaticServer } from '../../../scripts/lib/server';
import type { BrowserDriver } from './driver';

/** The command line's corpus report (annotate --corpus … --report), opened in the browser. */
export function describeCorpusReport(label: string, launch: () => Promise<BrowserDriver>): void {
  describe(`the corpus report in ${label}`, () => {
    let server: StaticServer;
    let driver: BrowserDriver;

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'counterframe-corpus-report-'));
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/annotate.ts', '--corpus', 'tests/fixtures/pages', '--out', join(dir, 'out.jsonl'), '--report', join(dir, 'report.html')],
        { encoding: 'utf8' },
      );
      if (run.status !== 0) throw new Error(run.stderr);
      server = await serveFolders({ '/': dir });
      driver = await launch();
    });

    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    it('draws its charts with the Chart.js inlined in it, fetching nothing', async () => {
      const page = await driver.open(`${server.origin}/report.html`);
      await page.waitFor(() => document.querySelectorAll('canvas').length === 3);
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll('canvas')].map((canvas) => {
          const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { data: { labels: string[] } } | undefined } }).Chart.getChart(canvas);
          return chart?.data.labels.length ?? 0;
        }),
      );
      expect(charts.every((labels) => labels > 0)).toBe(true);
      expect(await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name))).toEqual([]);
      // Firefox asks for a favicon of its own accord; the report's policy refuses it, as it would any request.
      expect(page.errors.filter((e) => !e.includes('/favicon.ico'))).toEqual([]);
    });
  });
}
