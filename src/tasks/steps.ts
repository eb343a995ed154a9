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

/** Lets the page run before the next piece of work: each piece is its own task. */
export const nextTask = () => new Promise<void>((done) => setTimeout(done, 0));

/**
 * Runs `steps` on the page, one task each, letting the page run in between; `run` wraps each step
 * (to time it). Undefined as soon as `wanted` turns false (a newer reading started, the page stopped).
 */
export async function runStepsAsTasks<T>(
  steps: Steps<T>,
  wanted: () => boolean,
  run: (step: () => IteratorResult<void, T>) => IteratorResult<void, T> = (step) => step(),
): Promise<T | undefined> {
  let step = run(() => steps.next());
  while (!step.done) {
    await nextTask();
    if (!wanted()) return undefined;
    step = run(() => steps.next());
  }
  return step.value;
}
