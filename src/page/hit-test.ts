import type { AnchoredPassage } from '../anchor/anchor';

/** The line boxes of a range; none where layout is not available (or a page has broken Range). */
export function lineBoxes(range: Range): DOMRect[] {
  return typeof range.getClientRects === 'function' ? Array.from(range.getClientRects()) : [];
}

/** A line box of the range (the `line`-th), or its whole box; an empty box where layout is not available. */
export function boxOf(range: Range, line = 0): DOMRect {
  return lineBoxes(range)[line] ?? (typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : new DOMRect());
}

/** The highlighted passage under a viewport point, and which of its line boxes was hit, if any. */
export function passageAt(passages: AnchoredPassage[], x: number, y: number): { passage: AnchoredPassage; line: number } | null {
  for (const passage of passages) {
    const line = lineBoxes(passage.sentence).findIndex((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom);
    if (line >= 0) return { passage, line };
  }
  return null;
}
