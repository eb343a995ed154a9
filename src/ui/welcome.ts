import type { Translate } from '../platform/i18n';
import { el } from './dom';

/** A keyboard command as the browser reports it: its shortcut is empty where the reader removed it. */
export interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

export interface WelcomeDeps {
  t: Translate;
  /** Which browser's words to use for where its shortcut settings are. */
  browser: 'chrome' | 'firefox';
  shortcuts: Shortcut[];
  /** Opens the browser's own page for extension shortcuts. */
  openShortcuts: () => void;
  openOptions: () => void;
}

/** The order the page lists the commands in, and the words for each where the browser gives none. */
const COMMANDS = ['next-highlight', 'previous-highlight', 'toggle-site'];

/**
 * The page opened once, on first install (src/background/welcome.ts): what the highlight and the
 * underline mean, the card, the per-site switch and the keyboard shortcuts, with a way to the
 * browser's shortcut settings.
 */
export function renderWelcome(root: HTMLElement, deps: WelcomeDeps): void {
  const doc = root.ownerDocument;
  const { t } = deps;
  const section = (id: string, title: string, ...content: Node[]) => el(doc, 'section', { 'aria-labelledby': id }, [el(doc, 'h2', { id }, title), ...content]);

  const marks = el(doc, 'dl', { class: 'marks' }, [
    el(doc, 'dt', {}, [el(doc, 'span', { class: 'sample uses' }, t('welcomeHighlightSample'))]),
    el(doc, 'dd', {}, t('welcomeHighlight')),
    el(doc, 'dt', {}, [el(doc, 'span', { class: 'sample critiques' }, t('welcomeUnderlineSample'))]),
    el(doc, 'dd', {}, t('welcomeUnderline')),
  ]);

  const rows = COMMANDS.map((name) => deps.shortcuts.find((s) => s.name === name)).filter((s): s is Shortcut => s !== undefined);
  const table = el(doc, 'table', { class: 'shortcuts' }, [
    el(
      doc,
      'tbody',
      {},
      rows.map((s) =>
        el(doc, 'tr', {}, [
          el(doc, 'th', { scope: 'row' }, [s.shortcut ? el(doc, 'kbd', {}, s.shortcut) : t('welcomeNotSet')]),
          el(doc, 'td', {}, s.description),
        ]),
      ),
    ),
  ]);
  const change = el(doc, 'button', { type: 'button', id: 'open-shortcuts' }, t('welcomeChangeShortcuts'));
  change.addEventListener('click', () => deps.openShortcuts());
  const options = el(doc, 'button', { type: 'button', id: 'open-options' }, t('welcomeOpenSettings'));
  options.addEventListener('click', () => deps.openOptions());

  root.replaceChildren(
    el(doc, 'h1', {}, t('welcomeTitle')),
    el(doc, 'p', { class: 'lead' }, t('welcomeIntro')),
    section('marks', t('welcomeMarks'), marks),
    section('card', t('welcomeCard'), el(doc, 'p', {}, t('welcomeCardText'))),
    section('switch', t('welcomeSwitch'), el(doc, 'p', {}, t('welcomeSwitchText'))),
    section(
      'shortcuts',
      t('welcomeShortcuts'),
      el(doc, 'p', {}, t('welcomeShortcutsText')),
      table,
      el(doc, 'p', { class: 'hint', id: 'shortcuts-where' }, t(deps.browser === 'firefox' ? 'welcomeShortcutsWhereFirefox' : 'welcomeShortcutsWhereChrome')),
      el(doc, 'div', { class: 'buttons' }, [change, options]),
    ),
  );
}
