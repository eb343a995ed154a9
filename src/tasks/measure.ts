/**
 * A hook to time the pipeline's stages. The shipped extension passes nothing and records nothing;
 * the benchmark build passes one that leaves performance.measure() entries on the page's timeline.
 */
export type Measure = <T>(stage: string, work: () => T) => T;

export const unmeasured: Measure = (_stage, work) => work();
