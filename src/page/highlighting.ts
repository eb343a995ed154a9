import type { AnchoredPassage } from '../anchor/anchor';
import { openCard, type CardHandle } from '../card/card';
import { cardViewFor, libraryLanguage, type CardLibrary } from '../card/card-view';
import type { Translate } from '../platform/i18n';
import type { Match } from '../match/match';
import { unmeasured, type Measure } from '../tasks/measure';
import { createPainter } from '../paint/paint';
import { sentenceKey } from './dismissed';
import { lineBoxes, passageAt } from './hit-test';

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
  /** Paints these passages instead, anchored anew for other view options (no Readability, no re-matching). */
  update(anchored: AnchoredPassage[]): void;
  /** Scrolls to passage `index` and opens its card, with focus in it. */
  show(index: number): void;
  /** Steps to the next (1) or previous (-1) passage from the last one shown, and opens its card. */
  step(direction: 1 | -1): void;
}

// Clicks on these keep their own meaning: a reader clicking a link wants the link.
const INTERACTIVE = 'a[href], button, input, textarea, select, label, summary, [contenteditable]:not([contenteditable="false"])';

export function visibleMatches(matches: Match[], options: ViewOptions): Match[] {
  return matches.filter(
    (m) => (options.showCritiques || m.stance === 'uses') && !options.hiddenFrames.includes(m.frameId) && !options.dismissed.includes(sentenceKey(m.sentence)),
  );
}

/** A passage's stance on the page: it uses a frame if any of its matches does. */
export function passageStance(passage: AnchoredPassage): 'uses' | 'critiques' {
  return passage.matches.some((m) => m.stance === 'uses') ? 'uses' : 'critiques';
}

/** What the highlights need besides the passages: the cards' contents, the words, and what to tell the owner. */
export interface HighlightingDeps {
  cards: CardLibrary;
  t: Translate;
  onNotFraming?: (sentenceKey: string) => void;
  measure?: Measure;
  /** Aborting it removes every highlight, the card and every listener. */
  signal: AbortSignal;
}

/**
 * Highlights anchored passages in the live page and opens the counterpoint card on a click. The
 * page's markup is not changed where the browser has the Highlight API. Anchoring is the caller's
 * (the controller does it in steps, letting the page run between them).
 */
export function showHighlights(doc: Document, anchored: AnchoredPassage[], deps: HighlightingDeps): Highlighting {
  const { cards, t, signal } = deps;
  const measure = deps.measure ?? unmeasured;
  const painter = createPainter(doc);
  let passages: AnchoredPassage[] = [];
  let card: CardHandle | null = null;
  let current = -1;

  const open = (passage: AnchoredPassage) => {
    card?.close();
    current = passages.indexOf(passage);
    // The whole passage, every line of it, is what the card must keep clear of.
    card = openCard(doc, () => lineBoxes(passage.sentence), cardViewFor(passage.matches, cards, libraryLanguage(t)), {
      t,
      onClose: () => (card = null),
      onNotFraming: () => deps.onNotFraming?.(sentenceKey(passage.matches[0]!.sentence)),
    });
  };

  const paint = (ready: AnchoredPassage[]) => {
    card?.close();
    painter.clear();
    const painted = measure('paint', () => painter.paint(ready.map((p) => ({ sentence: p.sentence, quotes: p.quotes, stance: passageStance(p) }))));
    // The wrapping fallback moved the text the ranges pointed into: use the ranges it gives back.
    passages = ready.map((p, i) => ({ ...p, sentence: painted[i] ?? p.sentence }));
  };

  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    const target = event.target as Element | null;
    if (target?.closest?.(INTERACTIVE)) return;
    if (doc.getSelection()?.isCollapsed === false) return; // the user is selecting text
    const hit = passageAt(passages, event.clientX, event.clientY);
    if (hit) open(hit);
  };

  const show = (index: number) => {
    const passage = passages[index];
    if (!passage) return;
    const element = passage.sentence.startContainer.parentElement;
    element?.scrollIntoView?.({ block: 'center' });
    open(passage);
  };

  paint(anchored);
  doc.addEventListener('click', onClick, { signal });
  signal.addEventListener('abort', () => {
    card?.close();
    painter.clear();
    passages = [];
  });
  return {
    get passages() {
      return passages;
    },
    update(ready) {
      if (!signal.aborted) paint(ready);
    },
    show(index) {
      if (!signal.aborted) show(index);
    },
    step(direction) {
      if (signal.aborted || passages.length === 0) return;
      const from = current < 0 ? (direction === 1 ? -1 : passages.length) : current;
      show((from + direction + passages.length) % passages.length);
    },
  };
}
