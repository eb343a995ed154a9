import { analyzeDocument, type PageAnalysis } from '../analyze';
import { anchorMatches, type AnchoredPassage } from '../anchor/anchor';
import { openCard, type CardHandle } from '../card/card';
import { cardViewFor } from '../card/card-view';
import type { CompiledLibrary } from '../match/compile';
import { createPainter } from '../paint/paint';
import { passageAt } from './hit-test';

export interface PageReader {
  readonly analysis: PageAnalysis;
  readonly passages: AnchoredPassage[];
  /** Removes every highlight, the card and every listener. Safe to call twice. */
  stop(): void;
}

// Clicks on these keep their own meaning: a reader clicking a link wants the link.
const INTERACTIVE = 'a[href], button, input, textarea, select, label, summary, [contenteditable]:not([contenteditable="false"])';

/**
 * Reads one page: finds the article, matches it, highlights the passages in the live page and opens
 * the counterpoint card on a click. Works on any Document, so tests drive it the way the content script does.
 */
export function startReader(doc: Document, url: string, compiled: CompiledLibrary): PageReader {
  const analysis = analyzeDocument(doc, url, compiled);
  if (!analysis.article || analysis.matches.length === 0 || !doc.body) return { analysis, passages: [], stop() {} };

  const passages = anchorMatches(doc.body, analysis.article, analysis.matches);
  const painter = createPainter(doc);
  painter.paint(
    passages.map((p) => ({ sentence: p.sentence, quotes: p.quotes, stance: p.matches.some((m) => m.stance === 'uses') ? 'uses' : 'critiques' })),
  );

  let card: CardHandle | null = null;
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    const target = event.target as Element | null;
    if (target?.closest?.(INTERACTIVE)) return;
    if (doc.getSelection()?.isCollapsed === false) return; // the reader is selecting text
    const hit = passageAt(passages, event.clientX, event.clientY);
    if (!hit) return;
    card?.close();
    card = openCard(doc, hit.box, cardViewFor(hit.passage.matches, compiled), { onClose: () => (card = null) });
  };
  doc.addEventListener('click', onClick);

  let stopped = false;
  return {
    analysis,
    passages,
    stop() {
      if (stopped) return;
      stopped = true;
      doc.removeEventListener('click', onClick);
      card?.close();
      painter.clear();
    },
  };
}
