import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenPages, reportJson } from '../../../scripts/lib/golden';

describe('the golden pages (npm run golden -- --update writes them anew)', () => {
  it.each(goldenPages().map((page) => [page.name, page] as const))('%s is read as expected.json says', (_name, page) => {
    expect(reportJson(readFileSync(page.source, 'utf8'))).toBe(readFileSync(page.expected, 'utf8'));
  });
});
