/**
 * Set in the extension's world on a page, before the gate script runs, only while the reader has
 * claim packs installed (the background registers entrypoints/packs-flag.ts then). Without it, the
 * gate script never asks storage what to look for with the packs: that call alone cost pages 1 to 3 ms.
 */
export const PACKS_FLAG = Symbol.for('counterframe.packs-installed');
