import type { Measure } from '../tasks/measure';
import type { AnalyzePage } from './remote-analysis';

/**
 * The benchmark build's Measure: each stage leaves a "counterframe:<stage>" entry on the page's
 * performance timeline, which `npm run bench` reads. The shipped build never imports this.
 */
export const benchMeasure: Measure = (stage, work) => {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(`counterframe:${stage}`, { start, end: performance.now() });
  }
};

/** The benchmark build's AnalyzePage: leaves the times of the work done away from the page on its timeline. */
export function benchAnalysis(read: AnalyzePage): AnalyzePage {
  return async (doc) => {
    const reading = await read(doc);
    if (reading?.timings) performance.mark('counterframe:away', { detail: reading.timings });
    return reading;
  };
}
