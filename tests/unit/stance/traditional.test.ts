import { describe, expect, it } from 'vitest';
import { bundledLibrary } from '../../../src/claims/library';
import { reportPage } from '../../../src/cli/page-report';
import { hasClaimWords } from '../../../src/gate/scan';
import { gateDataOf } from '../../../src/gate/words';

// Written for this test, in Traditional characters.
const PARAGRAPHS = [
  '美國與中國的人工智慧競賽正在升溫,華府誓言保持領先。',
  '所謂的人工智慧軍備競賽,其實是一種誤導性的說法。',
  '這家公司在台北開設了新的辦公室,主要負責軟體開發與客戶服務。',
];
const page = `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>美中人工智慧競賽</title></head><body><article><h1>美中人工智慧競賽升溫</h1>${PARAGRAPHS.map((p) => `<p>${p.repeat(3)}</p>`).join('')}</article></body></html>`;

describe('a page in Traditional characters', () => {
  it('passes the gate’s scan, which reads it as Simplified', () => {
    expect(hasClaimWords(gateDataOf(bundledLibrary), '中美人工智慧軍備競賽')).toBe(true);
  });

  it('gets its framing sentences highlighted, each with its stance', () => {
    const { matches } = reportPage(page);
    expect(matches.some((m) => m.stance === 'uses' && m.quote === '競賽')).toBe(true);
    expect(matches.some((m) => m.stance === 'critiques' && m.quote === '軍備競賽')).toBe(true);
    expect(matches.some((m) => m.sentence.includes('辦公室'))).toBe(false);
  });
});
