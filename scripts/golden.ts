/**
 * `npm run golden [-- --update]`: the golden pages, as mozilla/readability keeps its test pages. Each
 * folder of tests/fixtures/pages holds a page (source.html) and what the command line reports on it
 * (expected.json). Without --update it says which pages differ; with it, it writes them anew, so a
 * change of behaviour shows as a diff of those files to review.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { goldenPages, reportJson } from './lib/golden';

const update = process.argv.includes('--update');
let differ = 0;
for (const page of goldenPages()) {
  const actual = reportJson(readFileSync(page.source, 'utf8'));
  let expected: string | null = null;
  try {
    expected = readFileSync(page.expected, 'utf8');
  } catch {
    // A new page: it has no expectation yet.
  }
  if (expected === actual) continue;
  differ++;
  if (update) writeFileSync(page.expected, actual);
  console.log(`${update ? 'wrote' : 'differs:'} ${page.expected}`);
}
console.log(
  differ === 0 ? 'Every golden page is as expected.' : update ? `${differ} written.` : `${differ} differ: run npm run golden -- --update and review the diff.`,
);
process.exit(differ > 0 && !update ? 1 : 0);
