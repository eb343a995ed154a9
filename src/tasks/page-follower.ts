/** How Counterframe follows a page whose content changes after load (the gate script and the controller alike). */
export const LIVE_UPDATES = {
  /** Wait until the page has been quiet this long after a change before looking at it again. */
  debounceMs: 400,
  /** A page that never goes quiet is looked at anyway, this long after the first change not yet looked at. */
  maxWaitMs: 5000,
  /** Never look at the page again sooner than this after the last time. */
  minIntervalMs: 1500,
  /** Stop following a page after this many looks: a page that never settles gets no more work. */
  maxLooks: 25,
} as const;

export interface PageFollower {
  /** Runs our own change to the page (the highlights' marks) without it counting as the page's. */
  quietly(change: () => void): void;
  /** The owner looked at the page for its own reasons (its first look): the next comes no sooner than minIntervalMs after. */
  looked(): void;
}

export interface FollowOptions {
  /** Called when the page has settled after a change, debounced as LIVE_UPDATES says. */
  onSettled: () => void;
  /** Stops following: the observer, the timer, everything. */
  signal: AbortSignal;
  /** Called once, when the page has been looked at maxLooks times. */
  onExhausted?: () => void;
}

/**
 * Follows the changes under `target` (childList, subtree, text): each burst of changes brings one
 * call of onSettled, once the page is quiet for debounceMs or maxWaitMs after the burst began,
 * whichever comes first, and never sooner than minIntervalMs after the last look.
 */
export function followPage(target: Node, { onSettled, signal, onExhausted }: FollowOptions): PageFollower {
  const view = (target.ownerDocument ?? (target as Document)).defaultView;
  let looks = 0;
  let lastLook = Number.NEGATIVE_INFINITY;
  let burstStart: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = 0;
  const observe = () => observer?.observe(target, { childList: true, subtree: true, characterData: true });

  const fire = () => {
    timer = undefined;
    burstStart = undefined;
    if (signal.aborted) return;
    looks++;
    lastLook = Date.now();
    if (looks >= LIVE_UPDATES.maxLooks) {
      observer?.disconnect();
      onExhausted?.();
    }
    onSettled();
  };

  const onChange = () => {
    if (signal.aborted || looks >= LIVE_UPDATES.maxLooks) return;
    const now = Date.now();
    burstStart ??= now;
    const due = Math.max(Math.min(now + LIVE_UPDATES.debounceMs, burstStart + LIVE_UPDATES.maxWaitMs), lastLook + LIVE_UPDATES.minIntervalMs);
    // Once the burst's deadline is set, it stays: re-arming it on every change could put it off for
    // as long as the changes come faster than timers get their turn.
    if (timer !== undefined && due === dueAt) return;
    clearTimeout(timer);
    dueAt = due;
    timer = setTimeout(fire, due - now);
  };

  const observer = view?.MutationObserver ? new view.MutationObserver(onChange) : null;
  if (!signal.aborted) observe();
  signal.addEventListener('abort', () => {
    observer?.disconnect();
    clearTimeout(timer);
  });

  return {
    quietly(change) {
      observer?.disconnect();
      try {
        change();
      } finally {
        observer?.takeRecords();
        if (!signal.aborted && looks < LIVE_UPDATES.maxLooks) observe();
      }
    },
    looked() {
      lastLook = Date.now();
    },
  };
}
