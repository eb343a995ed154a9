/**
 * Work written as a generator that pauses (yields) between pieces, so that a caller on the page can
 * let the page run in between; callers elsewhere run it in one go with runSteps.
 */
export type Steps<T> = Generator<void, T>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
