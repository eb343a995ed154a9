import type { Stance } from '../claims/types';

/** Names of the highlights in the page's highlight registry; the content stylesheet styles them. */
export const HIGHLIGHT_NAMES = {
  uses: 'counterframe-uses',
  critiques: 'counterframe-critiques',
  trigger: 'counterframe-trigger',
} as const;

export interface PaintRequest {
  sentence: Range;
  quotes: Range[];
  stance: Stance;
}

export interface Painter {
  readonly mode: 'highlight-api' | 'wrap';
  /** Paints these passages in place of whatever was painted before. */
  paint(requests: PaintRequest[]): void;
  /** Removes every highlight, leaving the page as it was. */
  clear(): void;
}

interface HighlightRegistryLike {
  set(name: string, highlight: unknown): unknown;
  delete(name: string): boolean;
}

function highlightRegistry(view: Window | null): { registry: HighlightRegistryLike; Highlight: new (...ranges: Range[]) => unknown } | null {
  const css = (view as unknown as { CSS?: { highlights?: HighlightRegistryLike } })?.CSS;
  const Highlight = (view as unknown as { Highlight?: new (...ranges: Range[]) => unknown })?.Highlight;
  return css?.highlights && typeof Highlight === 'function' ? { registry: css.highlights, Highlight } : null;
}

/** Paints with the CSS Custom Highlight API: the page's markup is not touched at all. */
function highlightApiPainter(registry: HighlightRegistryLike, Highlight: new (...ranges: Range[]) => unknown): Painter {
  const clear = () => {
    for (const name of Object.values(HIGHLIGHT_NAMES)) registry.delete(name);
  };
  return {
    mode: 'highlight-api',
    paint(requests) {
      clear();
      const of = (stance: Stance) => requests.filter((r) => r.stance === stance).map((r) => r.sentence);
      registry.set(HIGHLIGHT_NAMES.uses, new Highlight(...of('uses')));
      registry.set(HIGHLIGHT_NAMES.critiques, new Highlight(...of('critiques')));
      registry.set(HIGHLIGHT_NAMES.trigger, new Highlight(...requests.filter((r) => r.stance === 'uses').flatMap((r) => r.quotes)));
    },
    clear,
  };
}

const MARK_ATTRIBUTE = 'data-counterframe';

/**
 * Where the Highlight API is missing: wraps the text in <mark> elements, and on clear unwraps them
 * and joins back every text node it split, so the page's DOM is as it was.
 */
function wrappingPainter(doc: Document): Painter {
  let marks: HTMLElement[] = [];
  let splits: Text[] = [];

  const splitAt = (node: Text, offset: number): Text => {
    const rest = node.splitText(offset);
    splits.push(rest);
    return rest;
  };

  const wrap = (range: Range, stance: Stance) => {
    // Read the boundaries and the text nodes first: splitting a text node moves live ranges.
    const { startContainer, startOffset, endContainer, endOffset, commonAncestorContainer: root } = range;
    const texts: Text[] = [];
    if (root.nodeType === 3) texts.push(root as Text);
    else {
      const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) texts.push(n as Text);
    }
    for (const text of texts) {
      let piece = text;
      let end = text === endContainer ? endOffset : text.data.length;
      if (text === startContainer && startOffset > 0) {
        piece = splitAt(text, startOffset);
        end -= startOffset;
      }
      if (end <= 0) continue;
      if (end < piece.data.length) splitAt(piece, end);
      if (!piece.data.trim()) continue;
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, stance);
      piece.parentNode!.insertBefore(mark, piece);
      mark.appendChild(piece);
      marks.push(mark);
    }
  };

  const clear = () => {
    for (const mark of marks.reverse()) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
    }
    for (const rest of splits.reverse()) {
      const before = rest.previousSibling;
      if (before && before.nodeType === 3) {
        (before as Text).appendData(rest.data);
        rest.remove();
      }
    }
    marks = [];
    splits = [];
  };

  return {
    mode: 'wrap',
    paint(requests) {
      clear();
      for (const request of requests) wrap(request.sentence, request.stance);
    },
    clear,
  };
}

export function createPainter(doc: Document): Painter {
  const api = highlightRegistry(doc.defaultView);
  return api ? highlightApiPainter(api.registry, api.Highlight) : wrappingPainter(doc);
}
