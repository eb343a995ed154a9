import { readdirSync } from 'node:fs';
import { reportPage } from '../../src/cli/page-report';

const PAGES = 'tests/fixtures/pages';

/** The golden pages: each folder's page and the file with what is expected of it. */
export function goldenPages(): { name: string; source: string; expected: string }[] {
  return readdirSync(PAGES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(({ name }) => ({ name, source: `${PAGES}/${name}/source.html`, expected: `${PAGES}/${name}/expected.json` }));
}

/** What the command line's --json reports on a page, written as the expectation files are. */
export function reportJson(html: string): string {
  return `${JSON.stringify(reportPage(html), null, 2)}\n`;
}
