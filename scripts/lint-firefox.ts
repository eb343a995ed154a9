/**
 * `npm run lint:firefox`: Mozilla's addons-linter (the checks addons.mozilla.org runs on upload) on
 * the Firefox build, .output/firefox-mv2 (build it first). Fails on any error, and on any warning
 * that REVIEWER-NOTES.md does not explain: each warning's code, with its file, must be named there.
 * test:all runs it after the build.
 */
import { spawnSync } from 'node:child_process';
import { delimiter, resolve } from 'node:path';
import { readFileSync } from 'node:fs';

interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

const BUILD = '.output/firefox-mv2';
const run = spawnSync('addons-linter', ['--output', 'json', BUILD], {
  encoding: 'utf8',
  env: { ...process.env, PATH: `${resolve('node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}` },
  maxBuffer: 64 * 1024 * 1024,
});
if (run.error || !run.stdout) {
  console.error(`lint:firefox: addons-linter did not run: ${run.error?.message ?? run.stderr}`);
  process.exit(2);
}
const report = JSON.parse(run.stdout) as { summary: { errors: number; warnings: number; notices: number }; errors: Finding[]; warnings: Finding[] };
const notes = readFileSync('REVIEWER-NOTES.md', 'utf8');
const where = (f: Finding) => `${f.file ?? ''}${f.line ? `:${f.line}` : ''}`;
for (const e of report.errors) console.error(`error ${e.code} ${where(e)}: ${e.message}`);
const unexplained = report.warnings.filter((w) => !notes.includes(`\`${w.code}\``) || (w.file && !notes.includes(`\`${w.file}\``)));
for (const w of report.warnings)
  console.log(`warning ${w.code} ${where(w)}: ${w.message}${unexplained.includes(w) ? '  (NOT EXPLAINED in REVIEWER-NOTES.md)' : ''}`);
console.log(
  `addons-linter on ${BUILD}: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.warnings.length - unexplained.length} explained), ${report.summary.notices} notices`,
);
process.exit(report.summary.errors > 0 || unexplained.length > 0 ? 1 : 0);
