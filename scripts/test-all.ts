/**
 * `npm run test:all`: every test there is. Type check and lint, then the build and Mozilla's
 * addons-linter on the Firefox build, then the unit, DOM and
 * end-to-end suites (the e2e ones in real Chromium and Firefox, installed with apt-get when missing).
 * Ends with one plain line, "N passed, N failed", that CI reads.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { ensureBrowsers } from './lib/ensure-browsers';

function step(label: string, command: string, args: string[]): void {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`test:all: ${label} failed (exit ${run.status ?? run.signal})`);
    console.log('0 passed, 1 failed');
    process.exit(run.status || 1);
  }
}

ensureBrowsers();
step('generated types', 'npx', ['wxt', 'prepare']);
step('type check', 'npx', ['tsc', '--noEmit', '-p', '.']);
step('lint', 'npm', ['run', 'lint']);
// wxt zip builds both, then packs them for the stores (and the sources for Firefox's review).
step('build and zip', 'npm', ['run', 'zip']);
// What addons.mozilla.org checks on upload: 0 errors, each warning explained in REVIEWER-NOTES.md.
step('addons-linter (Firefox build)', 'npx', ['tsx', 'scripts/lint-firefox.ts']);
mkdirSync('.tmp', { recursive: true });
const results = '.tmp/vitest-results.json';
console.log('\n== tests: unit, dom, e2e');
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`], { stdio: 'inherit' });
let summary = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTotalTests: 0 };
try {
  summary = JSON.parse(readFileSync(results, 'utf8'));
} catch {
  console.error('test:all: vitest wrote no results');
}
const skipped = summary.numPendingTests;
console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
const failed = run.status !== 0 || summary.numFailedTests > 0 || summary.numTotalTests === 0;
process.exit(failed ? run.status || 1 : 0);
