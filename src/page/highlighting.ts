import type { Article } from '../extract/extract';
import { anchorMatches, type AnchoredPassage } from '../anchor/anchor';
import { openCard, type CardHandle } from '../card/card';
import { cardViewFor } from '../card/card-view';
import type { Translate } from '../i18n';
import type { CompiledLibrary } from '../match/compile';
import type { Match } from '../match/match';
import { createPainter } from '../paint/paint';
import { passageAt } from './hit-test';

/** What the reader chose to see. */
export interface ViewOptions {
  showCritiques: boolean;
  hiddenFrames: string[];
}

export interface Highlighting {
  /** The passages painted now. */
  readonly passages: AnchoredPassage[];
  /** Paints again for new view options (no Readability, no re-matching). */
  update(options: ViewOptions): void;
  /** Removes every highlight, the card and every listener. Safe to call twice. */
  stop(): void;
}

// Clicks on these keep their own meaning: a reader clicking a link wants the link.
const INTERACTIVE = 'a[href], button, input, textarea, select, label, summary, [contenteditable]:not([contenteditable="false"])';

export function visibleMatches(matches: Match[], options: ViewOptions): Match[] {
  return matches.filter((m) => (options.showCritiques || m.stance === 'uses') && !options.hiddenFrames.includes(m.frameId));
}

export function stanceOf(passage: AnchoredPassage): 'uses' | 'critiques' {
  return passage.matches.some((m) => m.stance === 'uses') ? 'uses' : 'critiques';
}

/**
 * Highlights an analysed article's matches in the live page and opens the counterpoint card on a
 * click. The page's markup is not changed where the browser has the Highlight API.
 */
export function showHighlights(
  doc: Document,
  article: Article,
  matches: Match[],
  compiled: CompiledLibrary,
  options: ViewOptions,
  t: Translate,
): Highlighting {
  const painter = createPainter(doc);
  let passages: AnchoredPassage[] = [];
  let card: CardHandle | null = null;

  const paint = (view: ViewOptions) => {
    card?.close();
    painter.clear();
    passages = doc.body ? anchorMatches(doc.body, article, visibleMatches(matches, view)) : [];
    painter.paint(passages.map((p) => ({ sentence: p.sentence, quotes: p.quotes, stance: stanceOf(p) })));
  };

  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    const target = event.target as Element | null;
    if (target?.closest?.(INTERACTIVE)) return;
    if (doc.getSelection()?.isCollapsed === false) return; // the reader is selecting text
    const hit = passageAt(passages, event.clientX, event.clientY);
    if (!hit) return;
    card?.close();
    card = openCard(doc, hit.box, cardViewFor(hit.passage.matches, compiled), { t, onClose: () => (card = null) });
  };

  paint(options);
  doc.addEventListener('click', onClick);
  let stopped = false;
  return {
    get passages() {
      return passages;
    },
    update(view) {
      if (!stopped) paint(view);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      doc.removeEventListener('click', onClick);
      card?.close();
      painter.clear();
      passages = [];
    },
  };
}
