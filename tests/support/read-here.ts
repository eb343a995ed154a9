import { createPageReader } from '../../src/background/reading';
import { bundledLibrary } from '../../src/claims/library';
import { gateDataOf } from '../../src/match/gate-words';
import { serializePage, type PageReader } from '../../src/page/reader';

/** The gate the extension builds into its content script. */
export const bundledGate = gateDataOf(bundledLibrary);

const reader = createPageReader(new DOMParser());

/**
 * The extension's reading, done in the test's own window: the page serialised and parsed again with the
 * reader the background uses, so jsdom tests go through the same copy of the page the extension makes.
 */
export const readHere: PageReader = async (doc) => {
  const html = serializePage(doc);
  return html === null ? null : reader(html, []);
};

/** Lets a reading in flight arrive (readHere answers within a few microtasks). */
export async function settled(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
