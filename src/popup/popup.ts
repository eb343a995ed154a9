import type { Translate } from '../platform/i18n';
import type { Message, PageSummary } from '../protocol/messages';
import type { Send } from '../protocol/replies';
import type { Settings } from '../settings/settings';
import { isSiteEnabled, siteOf } from '../settings/site-rules';
import { el } from '../ui/dom';
import { keepingFocus, writeFailure } from '../ui/pages';
import { plural } from '../ui/plural';
import { reportSlot, type ReportDeps } from './report-buttons';

export interface PopupDeps {
  t: Translate;
  /** What the tab's content script reports, or null where Counterframe does not run. */
  summary: PageSummary | null;
  send: Send;
  openOptions: () => void;
  /** Jumps to a highlight of the tab (and closes the popup, where it is one). */
  showHighlight: (index: number) => void;
  /** The page's framing report, where the tab has a highlighter to ask. */
  report?: Omit<ReportDeps, 't'>;
}

/** A labelled checkbox, built once; `set` gives it its words and state on each render. */
function checkbox(doc: Document, id: string, onChange: (checked: boolean) => void, role?: string) {
  const input = el(doc, 'input', { type: 'checkbox', id, ...(role ? { role } : {}) });
  input.addEventListener('change', () => onChange(input.checked));
  const text = doc.createTextNode('');
  const label = el(doc, 'label', { for: id, class: 'row' });
  label.append(input, text);
  return {
    label,
    set(words: string, checked: boolean) {
      text.data = ` ${words}`;
      input.checked = checked;
    },
  };
}

/**
 * What a page the highlighter never came to shows (the gate found nothing worth reading there): nothing,
 * on its site, which the reader can still switch. Null where Counterframe does not run at all.
 */
export function unreadPageSummary(url: string | undefined): PageSummary | null {
  const site = url ? siteOf(url) : null;
  return url && site ? { url, reading: false, readings: 0, site, enabled: false, highlights: [], uses: 0, critiques: 0, frames: [] } : null;
}

/** A passage of at most `max` characters, cut at a word (where the language has spaces) with an ellipsis. */
export function shortened(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // Chinese has no spaces: there, any character is a place to cut.
  const at = space > max * 0.6 ? space : max;
  return `${cut.slice(0, at).replace(/[\s,;:.\u3001\u3002\uff0c]+$/, '')}…`;
}

interface PopupView {
  update(settings: Settings, deps: PopupDeps): void;
}

const views = new WeakMap<HTMLElement, PopupView>();

/**
 * Renders the toolbar popup for one tab into `root`, each time settings or the page change. The
 * first render builds it; the later ones change it in place, so the switch the reader just used
 * keeps the focus.
 */
export function renderPopup(root: HTMLElement, settings: Settings, deps: PopupDeps): void {
  let view = views.get(root);
  if (!view) {
    view = buildPopup(root);
    views.set(root, view);
  }
  view.update(settings, deps);
}

function buildPopup(root: HTMLElement): PopupView {
  const doc = root.ownerDocument;
  let current: PopupDeps;
  let shownSettings: Settings;
  let site = '';
  const failure = el(doc, 'p', { id: 'write-error', class: 'error', role: 'alert' });
  const send = (message: Message) =>
    void current.send(message).then(
      () => (failure.textContent = ''),
      (error: unknown) => {
        failure.textContent = writeFailure(current.t, error);
        // The switch shows what the reader chose; storage still has what it had: show that.
        view.update(shownSettings, current);
      },
    );
  const title = el(doc, 'h1');
  const siteSwitch = checkbox(doc, 'site-switch', (on) => send({ type: 'site:set', site, enabled: on }), 'switch');
  const siteName = el(doc, 'p', { class: 'site' });
  const noPage = el(doc, 'p', { class: 'status' });
  const pause = checkbox(doc, 'pause', (on) => send({ type: 'settings:patch', patch: { paused: on } }));
  const critiques = checkbox(doc, 'critiques', (on) => send({ type: 'settings:patch', patch: { showCritiques: on } }));
  const status = el(doc, 'p', { class: 'status', role: 'status' });
  const framesTitle = el(doc, 'h2');
  const frames = el(doc, 'ul', { class: 'frames' });
  const highlightsTitle = el(doc, 'h2', { id: 'highlights-title' });
  const highlights = el(doc, 'ol', { class: 'highlights', 'aria-labelledby': 'highlights-title' });
  const options = el(doc, 'button', { type: 'button', class: 'options', id: 'open-options' });
  options.addEventListener('click', () => current.openOptions());
  const report = reportSlot(doc);
  root.replaceChildren(
    title,
    failure,
    siteSwitch.label,
    siteName,
    noPage,
    pause.label,
    critiques.label,
    status,
    framesTitle,
    frames,
    highlightsTitle,
    highlights,
    report.element,
    options,
  );
  let shownFrames = '';
  let shownHighlights = '';

  const view: PopupView = {
    update(settings, deps) {
      current = deps;
      shownSettings = settings;
      const { t, summary } = deps;
      title.textContent = t('extName');
      site = summary?.site ?? '';
      const siteOn = site ? isSiteEnabled(settings.sites, site) : false;
      siteSwitch.set(t('popupSiteSwitch'), siteOn);
      siteSwitch.label.hidden = !site;
      siteName.textContent = site;
      siteName.hidden = !site;
      noPage.textContent = t('popupNoPage');
      noPage.hidden = Boolean(site);
      pause.set(t('popupPause'), settings.paused);
      critiques.set(t('popupShowCritiques'), settings.showCritiques);
      options.textContent = t('popupOptions');

      status.hidden = !site;
      if (!summary || !site) status.textContent = '';
      else if (settings.paused) status.textContent = t('popupPaused');
      else if (!siteOn) status.textContent = t('popupSiteOff', [site]);
      else if (summary.reading) status.textContent = t('popupReading');
      else if (summary.uses + summary.critiques === 0) status.textContent = t('popupNothing');
      else status.textContent = [plural(t, 'popupUses', summary.uses), plural(t, 'popupCritiques', summary.critiques)].join(t('listSeparator'));

      const showFrames = Boolean(site && summary?.enabled && summary.frames.length > 0);
      framesTitle.textContent = t('popupFrames');
      framesTitle.hidden = frames.hidden = !showFrames;
      const frameKey = showFrames ? JSON.stringify(summary?.frames) : '';
      if (frameKey !== shownFrames) {
        shownFrames = frameKey;
        frames.replaceChildren(...(showFrames ? (summary?.frames ?? []) : []).map((frame) => el(doc, 'li', {}, frame)));
      }

      report.update(deps.report && { t, ...deps.report }, Boolean(site && summary?.enabled && !summary.reading));

      const list = site && summary?.enabled ? summary.highlights : [];
      highlightsTitle.textContent = t('popupHighlights');
      highlightsTitle.hidden = highlights.hidden = list.length === 0;
      const highlightKey = JSON.stringify(list);
      if (highlightKey !== shownHighlights) {
        shownHighlights = highlightKey;
        keepingFocus(doc, () => {
          highlights.replaceChildren();
          for (const h of list) {
            // The visible text (frame, stance, snippet) is the button's name, as a voice-control user reads it.
            const button = el(doc, 'button', { type: 'button', class: `highlight ${h.stance}`, id: `highlight-${h.id}` });
            button.append(
              el(doc, 'span', { class: 'frame' }, h.frame),
              el(doc, 'span', { class: 'stance' }, t(h.stance === 'uses' ? 'stanceUses' : 'stanceCritiques')),
              el(doc, 'span', { class: 'snippet' }, shortened(h.snippet)),
            );
            button.addEventListener('click', () => current.showHighlight(h.id));
            const item = el(doc, 'li');
            item.append(button);
            highlights.append(item);
          }
        });
      }
    },
  };
  return view;
}
