import { anchorSteps, NODES_PER_STEP, type AnchoredPassage } from '../anchor/anchor';
import type { Translate } from '../platform/i18n';
import { unmeasured, type Measure } from '../tasks/measure';
import type { PageSummary } from '../protocol/messages';
import type { PageReading } from '../pipeline/reading';
import type { PageReportSource } from '../report/model';
import type { Settings } from '../settings/settings';
import { isSiteEnabled, siteOf } from '../settings/site-rules';
import { runStepsAsTasks } from '../tasks/steps';
import { showHighlights, stanceOf, visibleMatches, type Highlighting, type ViewOptions } from './highlighting';
import { LIVE_UPDATES, waitAfterChange } from '../tasks/page-follower';
import type { AnalyzePage } from './remote-analysis';

export interface PageStatus {
  /** "on": highlights may show; "off": the reader switched this site off (or paused); "idle": nothing to read here. */
  state: 'on' | 'off' | 'idle';
  uses: number;
  critiques: number;
}

export interface PageController {
  /** Brings the page in line with the settings: highlights on, off or repainted. Cheap to call often. */
  apply(settings: Settings): void;
  /** The sentence keys the reader marked "not framing" on this page. */
  setDismissed(keys: string[]): void;
  /** Scrolls to highlight `index` (as listed by summary()) and opens its card. */
  show(index: number): void;
  /** Steps to the next or previous highlight and opens its card. */
  step(direction: 1 | -1): void;
  summary(): PageSummary;
  /** What the page's framing report needs: the matches shown now, and their cards; null before the page is read. */
  reportSource(): PageReportSource | null;
  stop(): void;
}

export interface ControllerDeps {
  /**
   * Reads the page's article and matches it, after the rest of the gate (the scan, the readerable
   * check): in the extension, away from the page's main thread; in the tests, right here. Null when
   * the page could not be read (too large, the extension reloaded).
   */
  read: AnalyzePage;
  t: Translate;
  status?: (status: PageStatus) => void;
  /** The reader marked a passage "not framing". */
  onNotFraming?: (sentenceKey: string) => void;
  /** The page's address now (it changes in single-page apps). */
  currentUrl?: () => string;
  /** Times the stages (the benchmark build only). */
  measure?: Measure;
  /** A reading failed for another reason than the extension going away (see read). */
  onError?: (error: unknown) => void;
}

/**
 * One page's Counterframe. Reads the article the first time the page is enabled and keeps the result:
 * switching the site off and on repaints without running Readability again. While enabled, it reads
 * the page again when its content changes (late paragraphs, "read more", single-page navigation),
 * debounced and bounded, and never because of its own highlights or card. Only copying the page,
 * anchoring and painting run on the page; a reading that arrives after a newer one started is dropped.
 */
export function createPageController(doc: Document, url: string, deps: ControllerDeps): PageController {
  const site = siteOf(url);
  const currentUrl = deps.currentUrl ?? (() => url);
  const measure = deps.measure ?? unmeasured;
  let reading: PageReading | null = null;
  let stopped = false;
  let highlighting: Highlighting | null = null;
  let settings: Settings | null = null;
  let dismissed: string[] = [];
  let enabled = false;
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let readings = 0;
  let lastReading = 0;
  let inFlight = false;

  const view = (): ViewOptions => ({ showCritiques: settings!.showCritiques, hiddenFrames: settings!.hiddenFrames, dismissed });

  const counts = () => {
    const passages = highlighting?.passages ?? [];
    const uses = passages.filter((p) => stanceOf(p) === 'uses').length;
    return { uses, critiques: passages.length - uses };
  };

  const sendStatus = () => {
    const { uses, critiques } = counts();
    deps.status?.({ state: enabled ? (uses + critiques > 0 ? 'on' : 'idle') : site === null ? 'idle' : 'off', uses, critiques });
  };

  // Our own changes to the page (the wrapping fallback's marks) must not wake the observer.
  const quietly = (change: () => void) => {
    observer?.disconnect();
    change();
    observer?.takeRecords();
    if (enabled && observer && doc.body) observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  };

  const paint = (anchored?: AnchoredPassage[]) => {
    quietly(() => {
      if (reading?.articleText == null || reading.matches.length === 0) {
        highlighting?.stop();
        highlighting = null;
      } else if (highlighting) highlighting.update(view());
      else
        highlighting = showHighlights(
          doc,
          reading.articleText,
          reading.matches,
          reading.cards,
          view(),
          deps.t,
          (key) => deps.onNotFraming?.(key),
          measure,
          anchored,
        );
    });
    sendStatus();
  };

  const changes = (next: PageReading) => !reading || next.articleText !== reading.articleText || next.matches.length !== reading.matches.length;

  const settle = (next: PageReading, anchored?: AnchoredPassage[]) => {
    const changed = changes(next);
    reading = next;
    if (!changed) return;
    quietly(() => {
      highlighting?.stop();
      highlighting = null;
    });
    if (enabled) paint(anchored);
  };

  // Anchoring reads the whole page's text: on the page, in steps, letting the page run between them.
  // Undefined when there is nothing to anchor, or the reader changed what to show meanwhile.
  const anchorInSteps = async (next: PageReading, current: () => boolean): Promise<AnchoredPassage[] | undefined> => {
    if (!enabled || next.articleText === null || next.matches.length === 0 || !doc.body || !changes(next)) return undefined;
    const [settingsThen, dismissedThen] = [settings, dismissed];
    const steps = anchorSteps(doc.body, next.articleText, visibleMatches(next.matches, view()), NODES_PER_STEP);
    const anchored = await runStepsAsTasks(steps, current, (step) => measure('anchor', step));
    return settings === settingsThen && dismissed === dismissedThen ? anchored : undefined;
  };

  // The rest of the gate, Readability and matching happen away from the page; anchoring, here, in steps.
  const readInSteps = async (ticket: number) => {
    const current = () => ticket === readings && !stopped;
    const next = await deps.read(doc);
    // A newer reading has started, or the page is no longer ours to paint: this one is stale.
    if (!next || !current()) return;
    const anchored = await anchorInSteps(next, current);
    if (current()) measure('show', () => settle(next, anchored));
  };

  const read = () => {
    const ticket = ++readings;
    lastReading = Date.now();
    inFlight = true;
    readInSteps(ticket).then(
      () => {
        if (ticket === readings) inFlight = false;
      },
      (error: unknown) => {
        if (ticket === readings) inFlight = false;
        deps.onError?.(error);
      },
    );
  };

  const onMutations = () => {
    if (readings >= LIVE_UPDATES.maxReadings) {
      observer?.disconnect();
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => enabled && read(), waitAfterChange(lastReading));
  };

  const follow = (on: boolean) => {
    if (on && !observer && doc.body && doc.defaultView?.MutationObserver) {
      observer = new doc.defaultView.MutationObserver(onMutations);
      observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    } else if (!on && observer) {
      observer.disconnect();
      observer = null;
      clearTimeout(timer);
    }
  };

  const applySettings = (next: Settings) => {
    settings = next;
    enabled = site !== null && !next.paused && isSiteEnabled(next.sites, site);
    if (!enabled) {
      follow(false);
      quietly(() => {
        highlighting?.stop();
        highlighting = null;
      });
      sendStatus();
      return;
    }
    // The first reading paints; later applies only repaint for the new settings.
    if (reading) paint();
    else if (!inFlight) read();
    follow(true);
  };

  return {
    apply(next) {
      measure('apply', () => applySettings(next));
    },
    setDismissed(keys) {
      dismissed = keys;
      if (enabled) paint();
    },
    show(index) {
      highlighting?.show(index);
    },
    step(direction) {
      highlighting?.step(direction);
    },
    summary() {
      const passages = highlighting?.passages ?? [];
      const frameName = (claimId: string) => reading?.cards.claims[claimId]?.frameName ?? claimId;
      return {
        url: currentUrl(),
        reading: settings === null || inFlight,
        site,
        enabled,
        ...counts(),
        frames: [...new Set(passages.flatMap((p) => p.matches.map((m) => frameName(m.claimId))))],
        highlights: passages.map((p, id) => ({
          id,
          frame: frameName(p.matches[0].claimId),
          stance: stanceOf(p),
          snippet: p.matches[0].sentence.slice(0, 160),
        })),
      };
    },
    reportSource() {
      if (!reading) return null;
      return { title: reading.title, url: currentUrl(), matches: (highlighting?.passages ?? []).flatMap((p) => p.matches), cards: reading.cards };
    },
    stop() {
      stopped = true;
      follow(false);
      quietly(() => {
        highlighting?.stop();
        highlighting = null;
      });
    },
  };
}
