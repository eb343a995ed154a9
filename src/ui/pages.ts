import type { Translate } from '../platform/i18n';

/**
 * Runs `rebuild`, which may replace the element that has the focus, and gives the focus back to the
 * element with the same id afterwards: a re-render never drops the reader's focus to the page's body.
 */
export function keepingFocus(doc: Document, rebuild: () => void): void {
  const id = doc.activeElement?.id;
  rebuild();
  if (id && doc.activeElement?.id !== id) doc.getElementById(id)?.focus();
}

/** What a page shows when the background could not store a change: the browser's own reason. */
export function writeFailure(t: Translate, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return t('writeFailed', [reason.replace(/^Error:\s*/, '')]);
}
