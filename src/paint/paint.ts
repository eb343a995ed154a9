import type { Stance } from '../claims/types';

/** Names of the highlights in the page's highlight registry; the content stylesheet styles them. */
export const HIGHLIGHT_NAMES = {
  uses: 'counterframe-uses',
  critiques: 'counterframe-critiques',
  trigger: 'counterframe-trigger',
  critiqueTrigger: 'counterframe-critique-trigger',
  usesLink: 'counterframe-uses-link',
  triggerLink: 'counterframe-trigger-link',
} as const;

export interface PaintRequest {
  sentence: Range;
  quotes: Range[];
  stance: Stance;
}

export interface Painter {
  readonly mode: 'highlight-api' | 'wrap';
  /**
   * Paints these passages in place of whatever was painted before. Ranges must be taken from the
   * page as it is unpainted (after `clear()`): the wrapping fallback moves text nodes, and returns
   * for each request a range over its marks to use instead (the Highlight API returns the same ones).
   */
  paint(requests: PaintRequest[]): Range[];
  /** Removes every highlight, leaving the page as it was. */
  clear(): void;
}

interface HighlightRegistryLike {
  set(name: string, highlight: unknown): unknown;
  delete(name: string): boolean;
}

type HighlightConstructor = new (...ranges: Range[]) => { priority: number };

function highlightRegistry(view: Window | null): { registry: HighlightRegistryLike; Highlight: HighlightConstructor } | null {
  const css = (view as unknown as { CSS?: { highlights?: HighlightRegistryLike } })?.CSS;
  const Highlight = (view as unknown as { Highlight?: HighlightConstructor })?.Highlight;
  return css?.highlights && typeof Highlight === 'function' ? { registry: css.highlights, Highlight } : null;
}

/**
 * The parts of `range` inside links. A highlight cannot select links alone, and a link keeps the
 * page's colour (a light cyan, say) on the highlight's amber: these parts get a highlight of their own
 * whose background and ink are both fixed, so their contrast is known whatever the page's colours.
 */
function linkParts(range: Range): Range[] {
  const root = range.commonAncestorContainer;
  const element = root.nodeType === 1 ? (root as Element) : root.parentElement;
  if (!element) return [];
  const around = element.closest('a[href]');
  const links = around ? [around] : [...element.querySelectorAll('a[href]')].filter((link) => range.intersectsNode(link));
  return links.flatMap((link) => {
    const part = range.cloneRange();
    const contents = link.ownerDocument.createRange();
    contents.selectNodeContents(link);
    if (part.compareBoundaryPoints(0 /* Range.START_TO_START */, contents) < 0) part.setStart(contents.startContainer, contents.startOffset);
    if (part.compareBoundaryPoints(2 /* Range.END_TO_END */, contents) > 0) part.setEnd(contents.endContainer, contents.endOffset);
    return part.collapsed ? [] : [part];
  });
}

/** Paints with the CSS Custom Highlight API: the page's markup is not touched at all. */
function highlightApiPainter(registry: HighlightRegistryLike, Highlight: HighlightConstructor): Painter {
  const clear = () => {
    for (const name of Object.values(HIGHLIGHT_NAMES)) registry.delete(name);
  };
  // Links above the highlights they sit in (a trigger's above its sentence's), whatever the order of registration.
  const register = (name: string, ranges: Range[], priority = 0) => {
    const highlight = new Highlight(...ranges);
    highlight.priority = priority;
    registry.set(name, highlight);
  };
  return {
    mode: 'highlight-api',
    paint(requests) {
      clear();
      const uses = requests.filter((r) => r.stance === 'uses');
      const critiques = requests.filter((r) => r.stance === 'critiques');
      const usesTriggers = uses.flatMap((r) => r.quotes);
      register(
        HIGHLIGHT_NAMES.uses,
        uses.map((r) => r.sentence),
      );
      register(
        HIGHLIGHT_NAMES.critiques,
        critiques.map((r) => r.sentence),
      );
      register(HIGHLIGHT_NAMES.trigger, usesTriggers);
      register(
        HIGHLIGHT_NAMES.critiqueTrigger,
        critiques.flatMap((r) => r.quotes),
      );
      register(
        HIGHLIGHT_NAMES.usesLink,
        uses.flatMap((r) => linkParts(r.sentence)),
        1,
      );
      register(HIGHLIGHT_NAMES.triggerLink, usesTriggers.flatMap(linkParts), 2);
      return requests.map((r) => r.sentence);
    },
    clear,
  };
}

const MARK_ATTRIBUTE = 'data-counterframe';

interface Piece {
  node: Text;
  start: number;
  end: number;
  stance: Stance;
  /** Which request it belongs to. */
  request: number;
}

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

  /** The text-node pieces a range covers, read before anything moves. */
  const piecesOf = (range: Range, stance: Stance, request: number): Piece[] => {
    const { startContainer, startOffset, endContainer, endOffset, commonAncestorContainer: root } = range;
    const texts: Text[] = [];
    if (root.nodeType === 3) texts.push(root as Text);
    else {
      const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) texts.push(n as Text);
    }
    return texts
      .map((node) => ({
        node,
        start: node === startContainer ? startOffset : 0,
        end: node === endContainer ? endOffset : node.data.length,
        stance,
        request,
      }))
      .filter((p) => p.end > p.start && p.node.data.slice(p.start, p.end).trim() !== '');
  };

  const wrap = (piece: Piece): HTMLElement => {
    const { node, start, end } = piece;
    if (end < node.data.length) splitAt(node, end);
    const target = start > 0 ? splitAt(node, start) : node;
    const mark = doc.createElement('mark');
    mark.setAttribute(MARK_ATTRIBUTE, piece.stance);
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
    marks.push(mark);
    return mark;
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
      const pieces = requests.flatMap((r, i) => piecesOf(r.sentence, r.stance, i));
      // Within a text node, wrap the last piece first: splitting keeps the node as the part before
      // the split, so the offsets of the pieces still to come stay true.
      const order = new Map(pieces.map((p, i) => [p, i]));
      pieces.sort((a, b) => (a.node === b.node ? b.start - a.start : order.get(a)! - order.get(b)!));
      const marksOf = new Map<number, HTMLElement[]>();
      for (const piece of pieces) {
        const mark = wrap(piece);
        marksOf.set(piece.request, [...(marksOf.get(piece.request) ?? []), mark]);
      }
      return requests.map((request, i) => {
        const own = marksOf.get(i);
        if (!own) return request.sentence;
        const inOrder = own.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
        const range = doc.createRange();
        // marksOf holds no empty list.
        range.setStartBefore(inOrder[0]!);
        range.setEndAfter(inOrder[inOrder.length - 1]!);
        return range;
      });
    },
    clear,
  };
}

export function createPainter(doc: Document): Painter {
  const api = highlightRegistry(doc.defaultView);
  return api ? highlightApiPainter(api.registry, api.Highlight) : wrappingPainter(doc);
}
