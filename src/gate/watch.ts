import { hasContextWords, type ContextPatterns } from './first-look';
import { unmeasured, type Measure } from '../tasks/measure';
import { bodyText } from './body-text';
import { isWebPage } from './web-pages';
import { childController } from '../tasks/abort';
import { followPage, type PageFollower } from '../tasks/page-follower';

export interface GateWatchDeps {
  /** The words of the contexts in `mentions`, each as a pattern (built with the extension: contextPatterns). */
  patterns: ContextPatterns;
  /** The contexts the bundled library's claims need (GateData.mentions). */
  mentions: readonly string[] | null;
  /** Every context's pattern where the reader has claim packs installed; undefined where not. */
  packsPatterns: () => ContextPatterns | undefined;
  /**
   * The contexts the library with the reader's packs needs (null: a claim needs none, and the gate
   * where the page is read decides). Asked only where packs are installed, so that most pages never
   * touch storage.
   */
  installedMentions: () => Promise<readonly string[] | null>;
  /** The page may be worth reading: bring in the highlighter (the background injects it), which takes over from here. */
  wanted: () => void;
  /** The page's address now (it changes in single-page apps). */
  currentUrl: () => string;
  /** Times the stages (the benchmark build only). */
  measure?: Measure;
}

/**
 * What runs on every page the user opens, until a page may be worth reading: one look at its text
 * for the words the library's claims need (first-look.ts). The highlighter, brought in where they
 * are, has the page read away from it, where the rest of the gate runs (the scan of the text without
 * its scripts, the readerable check), and follows the page from there. A page without them is
 * followed here (page-follower.ts, as the controller follows it) so that an article that arrives
 * late, or a single-page app's next page, is still read. Aborting `signal` stops it all.
 */
export function watchPage(doc: Document, deps: GateWatchDeps, signal: AbortSignal): void {
  const measure = deps.measure ?? unmeasured;
  const stop = childController(signal);
  let looks = 0;
  let follower: PageFollower | undefined;

  const lookWith = (patterns: ContextPatterns, mentions: readonly string[] | null) => {
    if (measure('first-look', () => hasContextWords(patterns, mentions, bodyText(doc)))) {
      stop.abort();
      measure('wanted', deps.wanted);
    } else measure('refused no-trigger-words', follow);
  };

  // Without packs, the look runs at once, in the task that started it.
  const look = () => {
    const ticket = ++looks;
    if (!isWebPage(deps.currentUrl())) return measure('refused not-http', () => stop.abort());
    const packsPatterns = deps.packsPatterns();
    if (!packsPatterns) return lookWith(deps.patterns, deps.mentions);
    void measure('packs', deps.installedMentions).then((mentions) => {
      if (ticket === looks && !stop.signal.aborted) lookWith(packsPatterns, mentions);
    });
  };

  // The document, not its body: taking hold of the body would cost what bodyText saves, and a page
  // that puts in a new body is still followed. A change in the head brings a look too.
  const follow = () => {
    follower ??= followPage(doc, { onSettled: look, signal: stop.signal, onExhausted: () => stop.abort() });
    follower.looked();
  };

  if (!stop.signal.aborted) look();
}
