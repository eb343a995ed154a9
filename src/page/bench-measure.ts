import type { Measure } from '../measure';

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
