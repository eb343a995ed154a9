import type { Translate } from '../platform/i18n';
import { reportHtml } from '../report/html';
import { reportMarkdown } from '../report/markdown';
import { buildReport, type FramingReport, type PageReportSource } from '../report/model';
import { el } from '../ui/dom';

export interface ReportDeps {
  t: Translate;
  /** Asks the tab's highlighter what the report needs; null or undefined where it has nothing. */
  source: () => Promise<PageReportSource | null | undefined>;
  /** The clipboard's writeText. */
  copy: (text: string) => Promise<void>;
  now?: () => Date;
}

/** "counterframe-report-news.example-2026-03-04.md" */
export function reportFileName(report: FramingReport, extension: 'md' | 'html'): string {
  let site = 'page';
  try {
    site = new URL(report.address).hostname.replace(/^www\./, '') || site;
  } catch {
    // Not an address: the report keeps the generic name.
  }
  return `counterframe-report-${site}-${report.readAt.slice(0, 10)}.${extension}`;
}

/** Saves text as a file the browser downloads, made here: nothing leaves the browser. */
function download(doc: Document, name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el(doc, 'a', { href: url, download: name, hidden: '' });
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; the address is freed after this task.
  setTimeout(() => URL.revokeObjectURL(url));
}

/**
 * The popup's report buttons: Copy report (Markdown, to the clipboard), Save report as Markdown or as
 * a self-contained HTML file. The report is made here, in the extension, from what the page's
 * highlighter holds.
 */
export function reportButtons(doc: Document, deps: ReportDeps): HTMLElement {
  const { t } = deps;
  const section = el(doc, 'section', { class: 'report', 'aria-label': t('reportHeading') });
  const status = el(doc, 'p', { class: 'report-status', role: 'status' });
  const report = async () => {
    const source = await deps.source();
    return source
      ? buildReport({ title: source.title, address: source.url, readAt: (deps.now ?? (() => new Date()))(), matches: source.matches, cards: source.cards })
      : null;
  };
  const button = (id: string, label: string, action: (r: FramingReport) => Promise<void> | void) => {
    const b = el(doc, 'button', { type: 'button', id }, label);
    b.addEventListener('click', () => {
      void report().then(async (r) => {
        if (r) await action(r);
      });
    });
    return b;
  };
  section.append(
    button('report-copy', t('reportCopy'), async (r) => {
      await deps.copy(reportMarkdown(r, t));
      status.textContent = t('reportCopied');
    }),
    button('report-save-md', t('reportSaveMarkdown'), (r) => download(doc, reportFileName(r, 'md'), 'text/markdown;charset=utf-8', reportMarkdown(r, t))),
    button('report-save-html', t('reportSaveHtml'), (r) => download(doc, reportFileName(r, 'html'), 'text/html;charset=utf-8', reportHtml(r, t))),
    status,
  );
  return section;
}

/**
 * Where the popup keeps its report buttons: built the first time the page has a report to give,
 * then shown or hidden as the popup is rendered again in place, always asking the latest deps.
 */
export function reportSlot(doc: Document): { element: HTMLElement; update(deps: ReportDeps | undefined, shown: boolean): void } {
  const element = el(doc, 'div', { class: 'report-slot', hidden: '' });
  let latest: ReportDeps | undefined;
  return {
    element,
    update(deps, shown) {
      latest = deps;
      element.hidden = !shown || !deps;
      if (!deps || element.hidden || element.firstChild) return;
      element.append(
        reportButtons(doc, {
          t: deps.t,
          source: () => latest?.source() ?? Promise.resolve(null),
          copy: (text) => latest?.copy(text) ?? Promise.resolve(),
          now: () => (latest?.now ?? (() => new Date()))(),
        }),
      );
    },
  };
}
