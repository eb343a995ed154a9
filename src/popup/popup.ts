import type { Translate } from '../platform/i18n';
import type { PageSummary } from '../protocol/messages';
import type { Send } from '../protocol/replies';
import type { Settings } from '../settings/settings';
import { isSiteEnabled, siteOf } from '../settings/site-rules';
import { el } from '../ui/dom';
import { reportButtons, type ReportDeps } from './report-buttons';

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

function checkbox(doc: Document, id: string, label: string, checked: boolean, onChange: (checked: boolean) => void, role?: string): HTMLElement {
  const input = el(doc, 'input', { type: 'checkbox', id, ...(role ? { role } : {}) });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  const wrapper = el(doc, 'label', { for: id, class: 'row' });
  wrapper.append(input, doc.createTextNode(` ${label}`));
  return wrapper;
}

/**
 * What a page the highlighter never came to shows (the gate found nothing worth reading there): nothing,
 * on its site, which the reader can still switch. Null where Counterframe does not run at all.
 */
export function unreadPageSummary(url: string | undefined): PageSummary | null {
  const site = url ? siteOf(url) : null;
  return url && site ? { url, reading: false, readings: 0, site, enabled: false, highlights: [], uses: 0, critiques: 0, frames: [] } : null;
}

/** Renders the toolbar popup for one tab into `root`, anew each time settings or the page change. */
export function renderPopup(root: HTMLElement, settings: Settings, deps: PopupDeps): void {
  const doc = root.ownerDocument;
  const { t, summary } = deps;
  root.replaceChildren();
  root.append(el(doc, 'h1', {}, t('extName')));

  const siteOn = summary?.site ? isSiteEnabled(settings.sites, summary.site) : false;
  if (summary?.site) {
    const site = summary.site;
    root.append(
      checkbox(
        doc,
        'site-switch',
        t('popupSiteSwitch'),
        siteOn,
        (on) => {
          void deps.send({ type: 'site:set', site, enabled: on });
        },
        'switch',
      ),
    );
    root.append(el(doc, 'p', { class: 'site' }, site));
  } else {
    root.append(el(doc, 'p', { class: 'status' }, t('popupNoPage')));
  }

  root.append(
    checkbox(doc, 'pause', t('popupPause'), settings.paused, (on) => void deps.send({ type: 'settings:patch', patch: { paused: on } })),
    checkbox(
      doc,
      'critiques',
      t('popupShowCritiques'),
      settings.showCritiques,
      (on) => void deps.send({ type: 'settings:patch', patch: { showCritiques: on } }),
    ),
  );

  if (summary?.site) {
    const status = el(doc, 'p', { class: 'status', role: 'status' });
    if (settings.paused) status.textContent = t('popupPaused');
    else if (!siteOn) status.textContent = t('popupSiteOff', [summary.site]);
    else if (summary.reading) status.textContent = t('popupReading');
    else if (summary.uses + summary.critiques === 0) status.textContent = t('popupNothing');
    else status.textContent = t('popupCounts', [String(summary.uses), String(summary.critiques)]);
    root.append(status);
    if (summary.enabled && summary.frames.length > 0) {
      root.append(el(doc, 'h2', {}, t('popupFrames')));
      const list = el(doc, 'ul', { class: 'frames' });
      for (const frame of summary.frames) list.append(el(doc, 'li', {}, frame));
      root.append(list);
    }
    if (summary.enabled && summary.highlights.length > 0) {
      root.append(el(doc, 'h2', { id: 'highlights-title' }, t('popupHighlights')));
      const list = el(doc, 'ol', { class: 'highlights', 'aria-labelledby': 'highlights-title' });
      for (const h of summary.highlights) {
        // The visible text (frame, stance, snippet) is the button's name, as a voice-control user reads it.
        const button = el(doc, 'button', { type: 'button', class: `highlight ${h.stance}` });
        button.append(
          el(doc, 'span', { class: 'frame' }, h.frame),
          el(doc, 'span', { class: 'stance' }, t(h.stance === 'uses' ? 'stanceUses' : 'stanceCritiques')),
          el(doc, 'span', { class: 'snippet' }, h.snippet),
        );
        button.addEventListener('click', () => deps.showHighlight(h.id));
        const item = el(doc, 'li');
        item.append(button);
        list.append(item);
      }
      root.append(list);
    }
  }
  if (summary?.enabled && !summary.reading && deps.report) root.append(reportButtons(doc, { t, ...deps.report }));
  const options = el(doc, 'button', { type: 'button', class: 'options' }, t('popupOptions'));
  options.addEventListener('click', () => deps.openOptions());
  root.append(options);
}
