import type { AnchoredPassage } from '../anchor/anchor';

/** The highlighted passage under a viewport point, and the line box that was hit, if any. */
export function passageAt(passages: AnchoredPassage[], x: number, y: number): { passage: AnchoredPassage; box: DOMRect } | null {
  for (const passage of passages) {
    for (const box of Array.from(passage.sentence.getClientRects())) {
      if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return { passage, box };
    }
  }
  return null;
}
