import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { CardLibrary } from '../../../src/card/card-view';
import type { Match } from '../../../src/match/match';
import { escapeHtml, markup, reportHtml } from '../../../src/report/html';
import { escapeMarkdown, reportMarkdown } from '../../../src/report/markdown';
import { buildReport, type ReportInput } from '../../../src/report/model';
import { inEnglish } from '../../support/translate';

// A reading written out, so that the snapshots show the renderers, not the matcher of the day.
const CARDS: CardLibrary = {
  claims: {
    'ai-arms-race': {
      frameId: 'arms-race',
      frameName: { en: 'The AI arms race' },
      assumes: { en: 'AI is a weapons contest.' },
      says: { en: 'AI development is an arms race.' },
      leavesOut: ['lanes'],
      holds: ['military'],
    },
    'beat-china': {
      frameId: 'beat-china',
      frameName: { en: 'Beating China' },
      assumes: { en: 'There is one race.' },
      says: { en: 'The goal is to beat China at AI.' },
      leavesOut: ['lanes'],
      holds: [],
    },
  },
  counterpoints: {
    lanes: {
      text: { en: 'The two countries are not on one track.' },
      source: {
        title: 'Different AI Futures',
        publisher: 'A Magazine',
        date: '2026-02-20',
        url: 'https://magazine.example/ai',
        quote: 'Very different lanes.',
        speaker: 'An Analyst',
      },
    },
    military: { text: { en: 'Military AI is a real arena of competition.' }, source: { title: 'A Report', publisher: 'An Institute' } },
  },
};

function match(sentence: string, sentenceStart: number, claimId: string, frameId: string, stance: Match['stance'], quote: string): Match {
  const start = sentenceStart + sentence.indexOf(quote);
  return { frameId, claimId, stance, quote, sentence, start, end: start + quote.length, sentenceStart, sentenceEnd: sentenceStart + sentence.length };
}

function reading(sentence = 'We are in an AI arms race, and we must beat China.', title = 'A page', address = 'https://news.example/story'): ReportInput {
  const critique = 'Critics call the so-called arms race a narrative.';
  const last = 'Only the arms race matters.';
  return {
    title,
    address,
    readAt: READ_AT,
    matches: [
      match(sentence, 0, 'ai-arms-race', 'arms-race', 'uses', 'arms race'),
      match(sentence, 0, 'beat-china', 'beat-china', 'uses', 'beat China'),
      match(critique, 200, 'ai-arms-race', 'arms-race', 'critiques', 'arms race'),
      match(last, 300, 'ai-arms-race', 'arms-race', 'uses', 'arms race'),
    ],
    cards: CARDS,
  };
}

const READ_AT = new Date('2026-03-04T05:06:07Z');

describe("a page's framing report", () => {
  it('counts passages, not matches, by frame and stance', () => {
    const report = buildReport(reading());
    // The first sentence has two matches in two frames: one passage.
    expect(report.passages.map((p) => [p.stance, p.claims.length])).toEqual([
      ['uses', 2],
      ['critiques', 1],
      ['uses', 1],
    ]);
    expect(report.counts).toEqual([
      { frameId: 'arms-race', frameName: 'The AI arms race', uses: 2, critiques: 1 },
      { frameId: 'beat-china', frameName: 'Beating China', uses: 1, critiques: 0 },
    ]);
    expect(report.leavesOut.map((c) => [c.id, c.source.label])).toEqual([['lanes', 'Different AI Futures, A Magazine, 2026-02-20']]);
    expect(report.holds.map((c) => c.id)).toEqual(['military']);
    expect(report.readAt).toBe('2026-03-04T05:06:07.000Z');
  });

  it('renders as Markdown', async () => {
    await expect(reportMarkdown(buildReport(reading()), inEnglish)).toMatchFileSnapshot('__snapshots__/report.md');
  });

  it('renders as one HTML file with no script and no request', async () => {
    const page = reportHtml(buildReport(reading()), inEnglish);
    await expect(page).toMatchFileSnapshot('__snapshots__/report.html');
    const doc = new JSDOM(page).window.document;
    expect(doc.querySelectorAll('script, iframe, img, link, object, embed')).toHaveLength(0);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(/default-src 'none'/);
  });

  it('says so when nothing was flagged', () => {
    const report = buildReport({ ...reading(), matches: [] });
    expect(reportMarkdown(report, inEnglish)).toContain('Nothing on this page uses or critiques an arms-race frame.');
    expect(reportHtml(report, inEnglish)).toContain('<p>Nothing on this page uses or critiques an arms-race frame.</p>');
  });
});

const HOSTILE = `</title><script>alert(1)</script><img src=x onerror="alert(2)"> & 'quotes' "too" [link](javascript:alert(3))`;

describe('page text in the report', () => {
  it('is escaped by the one escaping function, whatever it holds', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(markup`<p title="${'" onclick="x'}">${'<b>'}</p>${[markup`<i>${'<'}</i>`]}`.text).toBe('<p title="&quot; onclick=&quot;x">&lt;b&gt;</p><i>&lt;</i>');
  });

  it('shows hostile titles, sentences and addresses as text in the HTML, never as markup', () => {
    const input = reading(`${HOSTILE} We are in an arms race, and must beat China.`, HOSTILE, `https://x.example/?q=${HOSTILE}`);
    const page = reportHtml(buildReport(input), inEnglish);
    const doc = new JSDOM(page).window.document;
    expect(doc.querySelectorAll('script, img, [onerror], a[href^="javascript"]')).toHaveLength(0);
    expect(doc.title).toBe(`Framing report: ${HOSTILE}`);
    expect(doc.querySelector('h1')!.textContent).toBe(`Framing report: ${HOSTILE}`);
    expect(doc.querySelector('ol li span')!.textContent).toContain(HOSTILE);
    expect(doc.body.textContent).toContain(`https://x.example/?q=${HOSTILE}`);
  });

  it('shows them as text in the Markdown: no link, tag, heading or table cell comes of them', () => {
    const md = reportMarkdown(buildReport(reading(`# ${HOSTILE} | a | b | an arms race, beat China.`, `- ${HOSTILE}`)), inEnglish);
    expect(md).not.toMatch(/(?<!\\)<(script|img)/);
    expect(md).not.toMatch(/(?<!\\)\[link(?<!\\)\]/);
    expect(md).toContain('1. \\# \\</title\\>\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('# Framing report: \\- \\</title\\>');
    expect(escapeMarkdown('a | b\n\n## c')).toBe('a \\| b ## c');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
  });
});
