import { vi } from 'vitest';
import { createHtmlAnalyzer } from '../../src/pipeline/html-analyzer';
import type { PageController } from '../../src/page/controller';
import { serializePage, type AnalyzePage } from '../../src/page/remote-analysis';

const reader = createHtmlAnalyzer(new DOMParser());

/**
 * The extension's reading, done in the test's own window: the page serialised and parsed again with the
 * reader the background uses, so jsdom tests go through the same copy of the page the extension makes.
 */
export const analyzeHere: AnalyzePage = async (doc) => {
  const html = serializePage(doc);
  return html === null ? null : reader(html, []);
};

/** Waits until the controller has read the page (copied, read, anchored: each in its own task). */
export async function settled(controller: PageController): Promise<void> {
  // With fake timers, vi.waitFor moves them on itself.
  await vi.waitFor(() => {
    if (controller.summary().reading) throw new Error('still reading');
  });
}
