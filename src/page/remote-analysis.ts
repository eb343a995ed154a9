import { unmeasured, type Measure } from '../tasks/measure';
import type { PageReading } from '../pipeline/reading';
import type { Send } from '../protocol/replies';
import { nextTask } from '../tasks/steps';

/** How a page gets its article read (see ControllerDeps.read). */
export type AnalyzePage = (doc: Document) => Promise<PageReading | null>;

/**
 * Pages whose HTML is longer than this are not sent to be read. Serialising and sending are each one
 * task the browser does not split, and they grow with the page; past this size the sending, and the
 * reading and anchoring after it, are spared.
 */
export const MAX_PAGE_HTML = 8_000_000;

// Scripts, styles, inline SVG and comments: none of it is text a reader reads, and on script-heavy
// pages it is most of the HTML, so it is cut before the copy is sent (the reading skips it anyway).
const NOT_TEXT = /<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<svg\b[\s\S]*?<\/svg\s*>|<!--[\s\S]*?-->/gi;

/** The page as HTML, for a parser away from the page; null when it is too large to be worth sending. */
export function serializePage(doc: Document): string | null {
  const html = doc.documentElement?.outerHTML;
  if (!html || html.length > MAX_PAGE_HTML) return null;
  return `<!doctype html>${html.replace(NOT_TEXT, '')}`;
}

/**
 * How the highlighter has its page analysed: the page's HTML goes to the background (and on to where
 * a DOM parser is), the reading comes back.
 */
export function remoteAnalysis(send: Send, measure: Measure = unmeasured): AnalyzePage {
  return async (doc) => {
    await nextTask();
    const html = measure('serialize', () => serializePage(doc));
    if (html === null) return null;
    await nextTask();
    // Sending copies the HTML (synchronously, in this task); the reading itself happens elsewhere.
    // Nothing answers while the extension is being reloaded.
    return (await measure('send', () => send({ type: 'page:read', html }))) ?? null;
  };
}
