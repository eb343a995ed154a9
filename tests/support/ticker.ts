import { vi } from 'vitest';

/**
 * A page that never goes quiet: an element of the test's document whose text changes every
 * `everyMs` on the fake clock. `run(ms)` keeps it changing for that long.
 */
export function ticker(doc: Document, everyMs: number) {
  const element = doc.body.appendChild(doc.createElement('span'));
  return {
    async run(ms: number) {
      for (let t = 0; t < ms; t += everyMs) {
        element.textContent = String(t);
        await vi.advanceTimersByTimeAsync(everyMs);
      }
    },
  };
}
