import { anchorMatches, type AnchoredPassage } from '../anchor/anchor';
import { openCard, type CardHandle } from '../card/card';
import { cardViewFor, type CardLibrary } from '../card/card-view';
import type { Translate } from '../platform/i18n';
import type { Match } from '../match/match';
import { unmeasured, type Measure } from '../tasks/measure';
import { createPainter } from '../paint/paint';
import { sentenceKey } from './dismissed';
import { boxOf, passageAt } from './hit-test';

/** What the reader chose to see. */
export interface ViewOptions {
  showCritiques: boolean;
  hiddenFrames: string[];
  /** Sentence keys (see dismissed.ts) the reader marked "not framing" on this page. */
  dismissed: string[];
}

export interface Highlighting {
  /** The passages painted now. */
  readonly passages: AnchoredPassage[];
  /** Paints again for new view options (no Readability, no re-matching). */
  update(options: ViewOptions): void;
  /** Scrolls to passage `index` and opens its card, with focus in it. */
  show(index: number): void;
  /** Steps to the next (1) or previous (-1) passage from the last one shown, and opens its card. */
  step(direction: 1 | -1): void;
  /** Removes every highlight, the card and every listener. Safe to call twice. */
  stop(): void;
}

// Clicks on these keep their own meaning: a reader clicking a link wants the link.
const INTERACTIVE = 'a[href], button, input, textarea, select, label, summary, [contenteditable]:not([contenteditable="false"])';

export function visibleMatches(matches: Match[], options: ViewOptions): Match[] {
  return matches.filter(
    (m) => (options.showCritiques || m.stance === 'uses') && !options.hiddenFrames.includes(m.frameId) && !options.dismissed.includes(sentenceKey(m.sentence)),
  );
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
  articleText: string,
  matches: Match[],
  cards: CardLibrary,
  options: ViewOptions,
  t: Translate,
  onNotFraming: (sentenceKey: string) => void = () => {},
  measure: Measure = unmeasured,
  /** The matches of `options`, anchored already (the controller does it in steps, on a large page). */
  anchored?: AnchoredPassage[],
): Highlighting {
  const painter = createPainter(doc);
  let passages: AnchoredPassage[] = [];
  let card: CardHandle | null = null;
  let current = -1;

  const open = (passage: AnchoredPassage, box: () => DOMRect) => {
    card?.close();
    current = passages.indexOf(passage);
    card = openCard(doc, box, cardViewFor(passage.matches, cards), {
      t,
      onClose: () => (card = null),
      onNotFraming: () => onNotFraming(sentenceKey(passage.matches[0].sentence)),
    });
  };

  const paint = (view: ViewOptions, ready?: AnchoredPassage[]) => {
    card?.close();
    painter.clear();
    passages = ready ?? (doc.body ? measure('anchor', () => anchorMatches(doc.body, articleText, visibleMatches(matches, view))) : []);
    const painted = measure('paint', () => painter.paint(passages.map((p) => ({ sentence: p.sentence, quotes: p.quotes, stance: stanceOf(p) }))));
    // The wrapping fallback moved the text the ranges pointed into: use the ranges it gives back.
    passages = passages.map((p, i) => ({ ...p, sentence: painted[i] ?? p.sentence }));
  };

  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    const target = event.target as Element | null;
    if (target?.closest?.(INTERACTIVE)) return;
    if (doc.getSelection()?.isCollapsed === false) return; // the reader is selecting text
    const hit = passageAt(passages, event.clientX, event.clientY);
    if (!hit) return;
    open(hit.passage, () => boxOf(hit.passage.sentence, hit.line));
  };

  const show = (index: number) => {
    const passage = passages[index];
    if (!passage) return;
    const element = passage.sentence.startContainer.parentElement;
    element?.scrollIntoView?.({ block: 'center' });
    open(passage, () => boxOf(passage.sentence));
  };

  paint(options, anchored);
  doc.addEventListener('click', onClick);
  let stopped = false;
  return {
    get passages() {
      return passages;
    },
    update(view) {
      if (!stopped) paint(view);
    },
    show(index) {
      if (!stopped) show(index);
    },
    step(direction) {
      if (stopped || passages.length === 0) return;
      const from = current < 0 ? (direction === 1 ? -1 : passages.length) : current;
      show((from + direction + passages.length) % passages.length);
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
