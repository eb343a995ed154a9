import { analyzeDocument, type PageAnalysis } from '../analyze';
import type { Translate } from '../i18n';
import type { CompiledLibrary } from '../match/compile';
import type { PageSummary } from '../messages';
import type { Settings } from '../settings/settings';
import { isSiteEnabled, siteOf } from '../settings/site-rules';
import { showHighlights, stanceOf, type Highlighting } from './highlighting';

export interface PageReport {
  /** "on": highlights may show; "off": the reader switched this site off (or paused); "idle": nothing to read here. */
  state: 'on' | 'off' | 'idle';
  uses: number;
  critiques: number;
}

export interface PageController {
  /** Brings the page in line with the settings: highlights on, off or repainted. Cheap to call often. */
  apply(settings: Settings): void;
  summary(): PageSummary;
  stop(): void;
}

/**
 * One page's Counterframe. Reads the article once, the first time the page is enabled, and keeps the
 * result: switching the site off and on again repaints without running Readability again.
 */
export function createPageController(
  doc: Document,
  url: string,
  compiled: CompiledLibrary,
  deps: { t: Translate; report?: (report: PageReport) => void },
): PageController {
  const site = siteOf(url);
  let analysis: PageAnalysis | null = null;
  let highlighting: Highlighting | null = null;
  let enabled = false;

  const counts = () => {
    const passages = highlighting?.passages ?? [];
    const uses = passages.filter((p) => stanceOf(p) === 'uses').length;
    return { uses, critiques: passages.length - uses };
  };

  return {
    apply(settings) {
      enabled = site !== null && !settings.paused && isSiteEnabled(settings.sites, site);
      if (!enabled) {
        highlighting?.stop();
        highlighting = null;
        deps.report?.({ state: site === null ? 'idle' : 'off', uses: 0, critiques: 0 });
        return;
      }
      analysis ??= analyzeDocument(doc, url, compiled);
      const view = { showCritiques: settings.showCritiques, hiddenFrames: settings.hiddenFrames };
      if (analysis.article && analysis.matches.length > 0) {
        if (highlighting) highlighting.update(view);
        else highlighting = showHighlights(doc, analysis.article, analysis.matches, compiled, view, deps.t);
      }
      const { uses, critiques } = counts();
      deps.report?.({ state: uses + critiques > 0 ? 'on' : 'idle', uses, critiques });
    },
    summary() {
      const passages = highlighting?.passages ?? [];
      const frameName = (id: string) => compiled.library.frames.find((f) => f.id === id)?.name ?? id;
      return {
        url,
        site,
        enabled,
        ...counts(),
        frames: [...new Set(passages.flatMap((p) => p.matches.map((m) => frameName(m.frameId))))],
        highlights: passages.map((p, id) => ({
          id,
          frame: frameName(p.matches[0].frameId),
          stance: stanceOf(p),
          snippet: p.sentence.toString().replace(/\s+/g, ' ').slice(0, 160),
        })),
      };
    },
    stop() {
      highlighting?.stop();
      highlighting = null;
    },
  };
}
