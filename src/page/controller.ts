import { anchorSteps, NODES_PER_STEP } from '../anchor/anchor';
import { inLanguage, libraryLanguage } from '../card/card-view';
import type { Translate } from '../platform/i18n';
import { unmeasured, type Measure } from '../tasks/measure';
import type { PageSummary } from '../protocol/messages';
import type { PageReading } from '../pipeline/reading';
import type { PageReportSource } from '../report/model';
import type { Settings } from '../settings/settings';
import { isSiteEnabled, siteOf } from '../settings/site-rules';
import { runStepsAsTasks } from '../tasks/steps';
import { passageStance, showHighlights, visibleMatches, type Highlighting, type ViewOptions } from './highlighting';
import { childController } from '../tasks/abort';
import { followPage, type PageFollower } from '../tasks/page-follower';
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
 * as page-follower.ts paces it, and never because of its own highlights or card. Only copying the
 * page, anchoring (in steps, letting the page run between them) and painting run on the page; a
 * reading or a repaint overtaken by a newer one is dropped. Each reading's highlights live under an
 * AbortController of their own, inside the controller's: stop() aborts it all, for good.
 */
export function createPageController(doc: Document, url: string, deps: ControllerDeps): PageController {
  const site = siteOf(url);
  const currentUrl = deps.currentUrl ?? (() => url);
  const measure = deps.measure ?? unmeasured;
  const life = new AbortController();
  let reading: PageReading | null = null;
  let shown: { highlighting: Highlighting; abort: AbortController; reading: PageReading } | null = null;
  let settings: Settings | null = null;
  let dismissed: string[] = [];
  let enabled = false;
  let following: { follower: PageFollower; abort: AbortController } | null = null;
  let readings = 0;
  let paints = 0;
  let inFlight = false;
  let painting = false;

  const view = (): ViewOptions => ({ showCritiques: settings!.showCritiques, hiddenFrames: settings!.hiddenFrames, dismissed });

  const counts = () => {
    const passages = shown?.highlighting.passages ?? [];
    const uses = passages.filter((p) => passageStance(p) === 'uses').length;
    return { uses, critiques: passages.length - uses };
  };

  const sendStatus = () => {
    const { uses, critiques } = counts();
    deps.status?.({ state: enabled ? (uses + critiques > 0 ? 'on' : 'idle') : site === null ? 'idle' : 'off', uses, critiques });
  };

  // Our own changes to the page (the wrapping fallback's marks) must not wake the follower.
  const quietly = (change: () => void) => (following ? following.follower.quietly(change) : change());

  const clear = () => {
    paints++;
    painting = false;
    quietly(() => shown?.abort.abort());
    shown = null;
  };

  // Anchors the reading's visible matches in steps, then paints them; dropped when overtaken (a newer
  // paint, reading or setting) or stopped.
  const paint = async (next: PageReading) => {
    const ticket = ++paints;
    const current = () => ticket === paints && enabled && !life.signal.aborted;
    if (next.articleText === null || next.matches.length === 0 || !doc.body) {
      measure('show', clear);
      return sendStatus();
    }
    painting = true;
    const steps = anchorSteps(doc.body, next.articleText, visibleMatches(next.matches, view()), NODES_PER_STEP);
    const anchored = await runStepsAsTasks(steps, current, (step) => measure('anchor', step));
    if (!current()) return;
    painting = false;
    if (!anchored) return;
    measure('show', () =>
      quietly(() => {
        if (shown?.reading === next) return shown.highlighting.update(anchored);
        shown?.abort.abort();
        const abort = childController(life.signal);
        const highlighting = showHighlights(doc, anchored, { cards: next.cards, t: deps.t, onNotFraming: deps.onNotFraming, measure, signal: abort.signal });
        shown = { highlighting, abort, reading: next };
      }),
    );
    sendStatus();
  };

  const changes = (next: PageReading) => !reading || next.articleText !== reading.articleText || next.matches.length !== reading.matches.length;

  // The rest of the gate, Readability and matching happen away from the page; the page counts as
  // being read until what came back is painted.
  const readAndPaint = async (ticket: number) => {
    const next = await deps.read(doc);
    if (ticket !== readings || life.signal.aborted || !next || !changes(next)) return;
    reading = next;
    if (enabled) await paint(next);
  };

  const read = () => {
    const ticket = ++readings;
    inFlight = true;
    readAndPaint(ticket).then(
      () => {
        if (ticket === readings) inFlight = false;
      },
      (error: unknown) => {
        if (ticket === readings) inFlight = false;
        if (!life.signal.aborted) deps.onError?.(error);
      },
    );
  };

  const follow = (on: boolean) => {
    if (on && !following && doc.body) {
      const abort = childController(life.signal);
      following = { follower: followPage(doc.body, { onSettled: () => enabled && read(), signal: abort.signal }), abort };
      following.follower.looked();
    } else if (!on && following) {
      following.abort.abort();
      following = null;
    }
  };

  const applySettings = (next: Settings) => {
    settings = next;
    enabled = site !== null && !next.paused && isSiteEnabled(next.sites, site);
    if (!enabled) {
      follow(false);
      clear();
      return sendStatus();
    }
    follow(true);
    // The first reading paints; later applies only repaint for the new settings.
    if (reading) void paint(reading);
    else if (!inFlight) read();
  };

  return {
    apply(next) {
      measure('apply', () => applySettings(next));
    },
    setDismissed(keys) {
      dismissed = keys;
      if (enabled && reading) void paint(reading);
    },
    show(index) {
      shown?.highlighting.show(index);
    },
    step(direction) {
      shown?.highlighting.step(direction);
    },
    summary() {
      const passages = shown?.highlighting.passages ?? [];
      const language = libraryLanguage(deps.t);
      const frameName = (claimId: string) => {
        const claim = reading?.cards.claims[claimId];
        return claim ? inLanguage(claim.frameName, language) : claimId;
      };
      return {
        url: currentUrl(),
        reading: settings === null || inFlight || painting,
        readings,
        site,
        enabled,
        ...counts(),
        frames: [...new Set(passages.flatMap((p) => p.matches.map((m) => frameName(m.claimId))))],
        highlights: passages.map((p, id) => ({
          id,
          frame: frameName(p.matches[0]!.claimId),
          stance: passageStance(p),
          snippet: p.matches[0]!.sentence.slice(0, 160),
        })),
      };
    },
    reportSource() {
      if (!reading) return null;
      return { title: reading.title, url: currentUrl(), matches: (shown?.highlighting.passages ?? []).flatMap((p) => p.matches), cards: reading.cards };
    },
    stop() {
      enabled = false;
      quietly(() => life.abort());
      shown = null;
      following = null;
    },
  };
}
