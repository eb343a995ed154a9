/**
 * The messages the highlighter on a page receives, from the popup and the background. They are checked
 * by hand rather than with valibot like the rest (messages.ts): the reader is brought into every page
 * that is read, and a validation library is a large part of its load for these few small shapes.
 */
export type PageMessage =
  /** popup, background → page: what does this page show? (answered with a PageSummary) */
  | { type: 'page:summary' }
  /** background (keyboard command) → page: go to the next or previous highlight and open its card. */
  | { type: 'highlight:step'; direction: 1 | -1 }
  /** popup → page: go to this highlight (an index from page:summary) and open its card. */
  | { type: 'highlight:show'; index: number }
  /** popup → page: what the page's framing report needs (answered with a PageReportSource, or null). */
  | { type: 'page:report' };

/** Each message's keys, sorted: a message with any other key does not fit, as with valibot's strictObject. */
const KEYS: Record<PageMessage['type'], string> = {
  'page:summary': 'type',
  'highlight:step': 'direction,type',
  'highlight:show': 'index,type',
  'page:report': 'type',
};

/** The message if it is one of PageMessage, exactly; null for anything else. */
export function parsePageMessage(data: unknown): PageMessage | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const message = data as Record<string, unknown>;
  const type = message.type as PageMessage['type'];
  if (!Object.hasOwn(KEYS, type) || Object.keys(message).sort().join() !== KEYS[type]) return null;
  if (type === 'page:summary' || type === 'page:report') return { type };
  if (type === 'highlight:step') return message.direction === 1 || message.direction === -1 ? { type, direction: message.direction } : null;
  return Number.isInteger(message.index) && (message.index as number) >= 0 ? { type, index: message.index as number } : null;
}
