import { gateSteps, type GateResult } from '../extract/gate';
import type { GateData } from '../match/gate-scan';
import { unmeasured, type Measure } from '../measure';
import { runStepsAsTasks } from '../steps';
import { LIVE_UPDATES, waitAfterChange } from './live-updates';

export interface GateWatchDeps {
  /** The bundled library's gate words. */
  gate: GateData;
  /**
   * The gate words of the library with the reader's claim packs, or null without packs. Asked only
   * when the bundled words are not on the page: most pages never touch storage.
   */
  installedGate: () => Promise<GateData | null>;
  /** The page passed: bring in the reader (the background injects it), which takes over from here. */
  wanted: () => void;
  /** The page's address now (it changes in single-page apps). */
  currentUrl: () => string;
  /** Times the stages (the benchmark build only). */
  measure?: Measure;
}

export interface GateWatch {
  /** Stops following the page. */
  stop(): void;
}

/**
 * What runs on every page the reader opens: the gate and nothing else, until a page passes it.
 * A page that does not pass is followed (debounced and bounded, like the controller) so that an
 * article that arrives late, or a single-page app's next page, is still read.
 */
export function watchPage(doc: Document, deps: GateWatchDeps): GateWatch {
  const measure = deps.measure ?? unmeasured;
  let looks = 0;
  let lastLook = 0;
  let stopped = false;
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    stopped = true;
    observer?.disconnect();
    observer = null;
    clearTimeout(timer);
  };

  const verdictWith = (gate: GateData, current: () => boolean): Promise<GateResult | undefined> =>
    runStepsAsTasks(gateSteps(doc, deps.currentUrl(), gate, measure), current);

  const look = async () => {
    const ticket = ++looks;
    lastLook = Date.now();
    const current = () => ticket === looks && !stopped;
    let verdict = await verdictWith(deps.gate, current);
    if (verdict && !verdict.run && verdict.reason === 'no-trigger-words') {
      const installed = await measure('packs', deps.installedGate);
      if (installed && current()) verdict = await verdictWith(installed, current);
    }
    if (!verdict || !current()) return;
    if (verdict.run) {
      stop();
      measure('wanted', deps.wanted);
      return;
    }
    measure(`refused ${verdict.reason}`, () => (verdict.reason === 'not-http' ? stop() : follow()));
  };

  const follow = () => {
    if (observer || !doc.body || !doc.defaultView?.MutationObserver) return;
    observer = new doc.defaultView.MutationObserver(() => {
      if (looks >= LIVE_UPDATES.maxReadings) return stop();
      clearTimeout(timer);
      timer = setTimeout(() => void look(), waitAfterChange(lastLook));
    });
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  };

  void look();
  return { stop };
}
