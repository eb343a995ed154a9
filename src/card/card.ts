import type { Translate } from '../platform/i18n';
import type { CardView, CounterpointView, FrameView } from './card-view';
import { el } from '../ui/dom';
import { CARD_CSS } from './card-css';

export const CARD_TAG = 'counterframe-card';

export interface CardHandle {
  readonly host: HTMLElement;
  close(): void;
}

export interface CardOptions {
  /** Called once the card has closed, however it closed. */
  onClose?: () => void;
  /** Offers a "Not framing" button that calls this (and closes the card). */
  onNotFraming?: () => void;
  /** The card's own words, in the reader's language. Given, not defaulted: a default in English would bring every message into the reader on each page. */
  t: Translate;
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
      source.quote ? t('cardSaidBy', [source.speaker ?? t('cardOwnVoice')]) : null,
      t('cardSource'),
      title,
      ...source.notes.map((note) => ` ${note}`),
    ]),
  ]);
}

function section(doc: Document, heading: string, kind: string, points: CounterpointView[], t: Translate): HTMLElement | null {
  if (points.length === 0) return null;
  return el(doc, 'section', { class: kind }, [
    el(doc, 'h3', {}, [heading]),
    el(
      doc,
      'ul',
      {},
      points.map((p) => counterpointItem(doc, p, t)),
    ),
  ]);
}

/** One frame: its name and assumption once, each of its claims in the passage, then their counterpoints. */
function frameSection(doc: Document, frame: FrameView, t: Translate): HTMLElement {
  return el(doc, 'section', { class: 'frame-section' }, [
    el(doc, 'div', { class: 'claim' }, [
      el(doc, 'p', { class: 'frame' }, [frame.name]),
      el(doc, 'p', { class: 'assumes' }, [t('cardAssumes'), frame.assumes]),
      ...frame.claims.flatMap((claim) => [
        el(doc, 'p', { class: 'why' }, [t('cardWordsBefore'), el(doc, 'mark', {}, [claim.quote]), t('cardWordsAfter')]),
        el(doc, 'p', { class: 'says' }, [t(claim.stance === 'uses' ? 'cardMakesClaim' : 'cardReportsClaim'), claim.says]),
      ]),
    ]),
    section(doc, t('cardLeavesOut'), 'leaves-out', frame.leavesOut, t),
    section(doc, t('cardHolds'), 'holds', frame.holds, t),
  ]);
}

const GAP = 8;

const HOST_STYLE: [string, string][] = [
  ['display', 'block'],
  ['position', 'absolute'],
  ['z-index', '2147483647'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['height', 'auto'],
  ['min-height', '0'],
  ['max-height', 'none'],
  ['min-width', '0'],
  ['max-width', 'none'],
  ['pointer-events', 'auto'],
  ['contain', 'none'],
];

/** The least height the card takes (its title, a few lines and "Not framing"), however little room there is. */
const LEAST_HEIGHT = 150;

/** A passage's whole box (the union of its line boxes), and the height of its first line. */
function passageBox(lines: DOMRect[]): { left: number; top: number; bottom: number; lineHeight: number } {
  if (lines.length === 0) return { left: 0, top: 0, bottom: 0, lineHeight: 0 };
  return {
    left: Math.min(...lines.map((line) => line.left)),
    top: Math.min(...lines.map((line) => line.top)),
    bottom: Math.max(...lines.map((line) => line.bottom)),
    lineHeight: lines[0]!.height,
  };
}

/** The room in the viewport above and below a passage, for a card kept GAP clear of it and of the edges. */
function roomAround(linesOf: () => DOMRect[], view: Window) {
  const passage = passageBox(linesOf());
  // One line's height kept clear above the passage too: where a passage starts at the end of a line,
  // Firefox's first line box of it can be the next line's.
  const clear = passage.top - passage.lineHeight;
  return { passage, clear, above: clear - 2 * GAP, below: view.innerHeight - passage.bottom - 2 * GAP };
}

/**
 * Puts the card next to the passage, inside the viewport, and off the whole passage (all its lines,
 * `linesOf`): beside it is no safer, as the passage's lines may fill the column's width. The whole
 * card is what the reader should see, its counterpoints first: it goes above the passage (over what
 * was already read) where it fits there, else below it, scrolling the page as far as needed and as it
 * can to make that room, the passage kept in view. Where no scrolling gives it all the room, it takes
 * the larger side and scrolls inside ("Not framing" kept in view and a shadow at its edge as the cue
 * that more is below). Page coordinates, so the card scrolls along with the passage.
 */
function place(host: HTMLElement, panel: HTMLElement, linesOf: () => DOMRect[], view: Window): void {
  const width = Math.min(420, view.innerWidth - 2 * GAP);
  host.style.setProperty('width', `${width}px`, 'important');
  panel.style.setProperty('max-height', 'none');
  const tallest = view.innerHeight - 2 * GAP;
  const natural = host.getBoundingClientRect().height || tallest;
  const wanted = Math.min(natural, tallest);
  let room = roomAround(linesOf, view);
  // How far the page can scroll each way, and still show the passage whole.
  const scroller = host.ownerDocument.scrollingElement;
  const canUp = Math.max(0, Math.min(view.scrollY, room.below));
  const canDown = Math.max(0, Math.min((scroller?.scrollHeight ?? 0) - view.innerHeight - view.scrollY, room.above));
  const reachAbove = room.above + canUp;
  const reachBelow = room.below + canDown;
  const above = reachAbove >= wanted || (reachBelow < wanted && reachAbove >= reachBelow);
  const scroll = above ? -Math.min(canUp, wanted - room.above) : Math.min(canDown, wanted - room.below);
  if (scroll !== 0) {
    view.scrollBy(0, scroll);
    room = roomAround(linesOf, view);
  }
  const maxHeight = Math.max(above ? room.above : room.below, Math.min(wanted, LEAST_HEIGHT));
  panel.style.setProperty('max-height', `${maxHeight}px`);
  const height = Math.min(natural, maxHeight);
  const wantedTop = above ? room.clear - GAP - height : room.passage.bottom + GAP;
  const top = Math.min(Math.max(GAP, wantedTop), view.innerHeight - GAP - height);
  const left = Math.min(Math.max(GAP, room.passage.left), view.innerWidth - width - GAP);
  host.style.setProperty('left', `${left + view.scrollX}px`, 'important');
  host.style.setProperty('top', `${top + view.scrollY}px`, 'important');
}

/**
 * Opens the counterpoint card next to a passage (`lines`: its line boxes), in a shadow root so the page's CSS
 * cannot reach it. It closes on Escape, on a click outside it and on its close button, and gives
 * focus back to where it was.
 */
export function openCard(doc: Document, lines: () => DOMRect[], view: CardView, options: CardOptions): CardHandle {
  const win = doc.defaultView!;
  const { t } = options;
  const previousFocus = doc.activeElement as HTMLElement | null;
  const host = doc.createElement(CARD_TAG);
  // Inline !important keeps a hostile or careless page stylesheet from hiding, moving or covering the
  // card. Text spacing is left alone, so a reader's own spacing stylesheet still applies (WCAG 1.4.12).
  for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
  const root = host.attachShadow({ mode: 'open' });
  const headingId = 'counterframe-card-title';
  const close = el(doc, 'button', { type: 'button', class: 'close', 'aria-label': t('cardClose') }, ['×']);
  const dialog = el(
    doc,
    'div',
    { role: 'dialog', 'aria-labelledby': headingId, tabindex: '-1', class: `card ${view.stance}`, lang: view.language === 'zh' ? 'zh-Hans' : 'en' },
    [
      el(doc, 'header', {}, [el(doc, 'h2', { id: headingId }, [t(view.stance === 'uses' ? 'cardTitleUses' : 'cardTitleCritiques')]), close]),
      ...view.frames.map((frame) => frameSection(doc, frame, t)),
    ],
  );
  if (options.onNotFraming) {
    const notFraming = el(doc, 'button', { type: 'button', class: 'not-framing' }, [t('cardNotFraming')]);
    notFraming.addEventListener('click', () => {
      finish();
      options.onNotFraming?.();
    });
    dialog.append(el(doc, 'footer', {}, [notFraming]));
  }
  root.append(el(doc, 'style', {}, [CARD_CSS]), dialog);
  (doc.documentElement ?? doc.body).append(host);
  place(host, dialog, lines, win);
  // The passage moves when the page reflows; the card follows it.
  const onResize = () => place(host, dialog, lines, win);
  win.addEventListener('resize', onResize);

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
    win.removeEventListener('resize', onResize);
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
