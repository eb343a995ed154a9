/**
 * Set in the extension's world on a page, before the gate script runs, only while the reader has
 * claim packs installed (the background registers entrypoints/packs-flag.ts then), to every context's
 * patterns. Without it, the gate script never asks storage what to look for with the packs (that call
 * alone costs a page more than the look itself), and looks only for the words the bundled library needs.
 */
export const PACKS_FLAG = Symbol.for('counterframe.packs-installed');
