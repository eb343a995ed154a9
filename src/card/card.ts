import { inEnglish, type Translate } from '../i18n';
import type { CardView, CounterpointView } from './card-view';
import { CARD_CSS } from './card-css';

export const CARD_TAG = 'counterframe-card';

export interface CardHandle {
  readonly host: HTMLElement;
  close(): void;
}

export interface CardOptions {
  /** Called once the card has closed, however it closed. */
  onClose?: () => void;
  t?: Translate;
}

type Children = (Node | string | null | undefined)[];

/** Builds elements from text only: nothing here is ever parsed as HTML. */
function el(doc: Document, tag: string, attrs: Record<string, string>, children: Children = []): HTMLElement {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

function counterpointItem(doc: Document, point: CounterpointView, t: Translate): HTMLElement {
  const { source } = point;
  const title = source.url
    ? el(doc, 'a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, [source.label])
    : el(doc, 'span', {}, [source.label]);
  return el(doc, 'li', {}, [
    el(doc, 'p', { class: 'point' }, [point.text]),
    el(doc, 'p', { class: 'source' }, [
      source.quote ? el(doc, 'q', {}, [source.quote]) : null,
      source.quote && source.speaker ? ` (${source.speaker}). ` : source.quote ? ' ' : null,
      t('cardSource'),
      title,
    ]),
  ]);
}

function section(doc: Document, heading: string, points: CounterpointView[], t: Translate): HTMLElement | null {
  if (points.length === 0) return null;
  return el(doc, 'section', {}, [el(doc, 'h3', {}, [heading]), el(doc, 'ul', {}, points.map((p) => counterpointItem(doc, p, t)))]);
}

function place(host: HTMLElement, anchor: DOMRect, view: Window): void {
  const width = Math.min(420, view.innerWidth - 16);
  host.style.setProperty('width', `${width}px`, 'important');
  const left = Math.min(Math.max(8, anchor.left), view.innerWidth - width - 8);
  const below = anchor.bottom + 8;
  host.style.setProperty('left', `${left + view.scrollX}px`, 'important');
  host.style.setProperty('top', `${below + view.scrollY}px`, 'important');
}

/**
 * Opens the counterpoint card next to `anchor` (a passage's box), in a shadow root so the page's CSS
 * cannot reach it. It closes on Escape, on a click outside it and on its close button, and gives
 * focus back to where it was.
 */
export function openCard(doc: Document, anchor: DOMRect, view: CardView, options: CardOptions = {}): CardHandle {
  const win = doc.defaultView!;
  const t = options.t ?? inEnglish;
  const previousFocus = doc.activeElement as HTMLElement | null;
  const host = doc.createElement(CARD_TAG);
  // Inline !important keeps a hostile or careless page stylesheet from hiding or moving the card.
  for (const [name, value] of [['all', 'initial'], ['position', 'absolute'], ['z-index', '2147483647'], ['display', 'block']]) {
    host.style.setProperty(name, value, 'important');
  }
  const root = host.attachShadow({ mode: 'open' });
  const headingId = 'counterframe-card-title';
  const close = el(doc, 'button', { type: 'button', class: 'close', 'aria-label': t('cardClose') }, ['×']);
  const dialog = el(doc, 'div', { role: 'dialog', 'aria-labelledby': headingId, tabindex: '-1', class: `card ${view.stance}` }, [
    el(doc, 'header', {}, [
      el(doc, 'h2', { id: headingId }, [t(view.stance === 'uses' ? 'cardTitleUses' : 'cardTitleCritiques')]),
      close,
    ]),
    ...view.claims.map((claim) =>
      el(doc, 'section', { class: 'claim' }, [
        el(doc, 'p', { class: 'frame' }, [claim.frameName]),
        el(doc, 'p', { class: 'assumes' }, [t('cardAssumes'), claim.assumes]),
        el(doc, 'p', { class: 'why' }, [t('cardFlaggedFor'), el(doc, 'mark', {}, [claim.quote]), t(claim.stance === 'uses' ? 'cardStates' : 'cardReports')]),
      ]),
    ),
    section(doc, t('cardLeavesOut'), view.leavesOut, t),
    section(doc, t('cardHolds'), view.holds, t),
  ]);
  root.append(el(doc, 'style', {}, [CARD_CSS]), dialog);
  (doc.documentElement ?? doc.body).append(host);
  place(host, anchor, win);

  let closed = false;
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') finish();
  };
  const onPointer = (event: Event) => {
    if (!event.composedPath().includes(host)) finish();
  };
  function finish() {
    if (closed) return;
    closed = true;
    doc.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('pointerdown', onPointer, true);
    host.remove();
    previousFocus?.focus?.();
    options.onClose?.();
  }
  close.addEventListener('click', finish);
  doc.addEventListener('keydown', onKey, true);
  doc.addEventListener('pointerdown', onPointer, true);
  dialog.focus();
  return { host, close: finish };
}
