/** How Counterframe follows a page whose content changes after load (the gate and the controller alike). */
export const LIVE_UPDATES = {
  /** Wait this long after the last change before looking at the page again. */
  debounceMs: 400,
  /** Never look at the page again sooner than this after the last time. */
  minIntervalMs: 1500,
  /** Stop following a page after this many looks: a page that never settles gets no more work. */
  maxReadings: 25,
} as const;

/** How long to wait before looking again, after a change: debounced, and not sooner than minIntervalMs after `last`. */
export function waitAfterChange(last: number, now = Date.now()): number {
  return Math.max(LIVE_UPDATES.debounceMs, LIVE_UPDATES.minIntervalMs - (now - last));
}
