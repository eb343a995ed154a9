import { describe, expect, it } from 'vitest';
import { renderPopup } from '../../../src/popup/popup';
import { reportFileName } from '../../../src/popup/report-buttons';
import { sender } from '../../../src/protocol/replies';
import type { PageSummary } from '../../../src/protocol/messages';
import { buildReport, type PageReportSource } from '../../../src/report/model';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { inEnglish } from '../../support/translate';

const SOURCE: PageReportSource = {
  title: 'A <b>page</b>',
  url: 'https://www.news.example/story',
  matches: [
    {
      frameId: 'arms-race',
      claimId: 'ai-arms-race',
      stance: 'uses',
      quote: 'arms race',
      sentence: 'We are in an arms race.',
      start: 10,
      end: 19,
      sentenceStart: 0,
      sentenceEnd: 23,
    },
  ],
  cards: {
    claims: {
      'ai-arms-race': {
        frameId: 'arms-race',
        frameName: { en: 'The AI arms race' },
        assumes: { en: '' },
        says: { en: 'AI development is an arms race.' },
        leavesOut: [],
        holds: [],
      },
    },
    counterpoints: {},
  },
};

const summary: PageSummary = {
  url: SOURCE.url,
  reading: false,
  readings: 1,
  site: 'news.example',
  enabled: true,
  highlights: [],
  uses: 1,
  critiques: 0,
  frames: [],
};

function popup(of: PageSummary, copied: string[]) {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById('app')!;
  renderPopup(root, DEFAULT_SETTINGS, {
    t: inEnglish,
    summary: of,
    send: sender(async () => undefined),
    openOptions: () => {},
    showHighlight: () => {},
    report: { source: async () => SOURCE, copy: async (text) => void copied.push(text), now: () => new Date('2026-03-04T10:00:00Z') },
  });
  return root;
}

describe("the popup's report", () => {
  it('copies the page’s report as Markdown, made from what the highlighter gives, and says so', async () => {
    const copied: string[] = [];
    const root = popup(summary, copied);
    expect([...root.querySelectorAll('.report button')].map((b) => b.textContent)).toEqual(['Copy report', 'Save report (Markdown)', 'Save report (HTML)']);
    root.querySelector<HTMLButtonElement>('#report-copy')!.click();
    await expect.poll(() => root.querySelector('.report [role=status]')?.textContent).toBe('Report copied.');
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(
      /^# Framing report: A \\<b\\>page\\<\/b\\>\n\nAddress: https:\/\/www\.news\.example\/story {2}\nRead on: 2026-03-04\n[\s\S]*1\. We are in an arms race\./,
    );
  });

  it('offers no report while the page is being read, or where Counterframe is off', () => {
    expect(popup({ ...summary, reading: true }, []).querySelector('.report-slot:not([hidden]) .report')).toBeNull();
    expect(popup({ ...summary, enabled: false }, []).querySelector('.report-slot:not([hidden]) .report')).toBeNull();
  });

  it('names the saved file after the site and the day', () => {
    const report = buildReport({ ...SOURCE, address: SOURCE.url, readAt: new Date('2026-03-04T10:00:00Z') });
    expect(reportFileName(report, 'html')).toBe('counterframe-report-news.example-2026-03-04.html');
    expect(reportFileName({ ...report, address: 'not an address' }, 'md')).toBe('counterframe-report-page-2026-03-04.md');
  });
});
