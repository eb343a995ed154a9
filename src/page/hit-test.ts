import type { AnchoredPassage } from '../anchor/anchor';

/** The line boxes of a range; none where layout is not available (or a page has broken Range). */
export function lineBoxes(range: Range): DOMRect[] {
  return typeof range.getClientRects === 'function' ? Array.from(range.getClientRects()) : [];
}

/** The highlighted passage under a viewport point, if any. */
export function passageAt(passages: AnchoredPassage[], x: number, y: number): AnchoredPassage | null {
  return passages.find((passage) => lineBoxes(passage.sentence).some((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom)) ?? null;
}
