import type { MessageKey, Translate } from '../platform/i18n';
import type { ImportReply, Send } from '../protocol/replies';
import { exportSettings, type Settings } from '../settings/settings';
import { normalizeSite } from '../settings/site-rules';
import { el } from '../ui/dom';

interface FrameName {
  id: string;
  name: string;
}

/** An imported claim pack, as the page lists it. */
export interface PackView {
  id: string;
  name: string;
  frames: FrameName[];
}

interface Notice {
  text: string;
  problems: string[];
}

export interface OptionsDeps {
  t: Translate;
  /** The bundled library's frames (a pack's frames come with the pack). */
  frames: FrameName[];
  send: Send;
  /** Offers a file for download. */
  download: (name: string, text: string) => void;
  /** The last import's outcome for each kind of file, kept by the page across re-renders. */
  state: { notices: Partial<Record<'settings' | 'pack', Notice>> };
  /**
   * Renders the page again from what is stored now. Not from the values this render was given: an
   * import's reply can come after storage has changed and the page has already been rendered anew.
   */
  refresh: () => void;
}

/**
 * A file chooser whose file goes to the background as `message(text)`; the outcome (imported, or
 * refused with each problem) shows under it.
 */
function fileImport(
  root: HTMLElement,
  deps: OptionsDeps,
  kind: 'settings' | 'pack',
  labels: { choose: MessageKey; done: MessageKey; refused: MessageKey },
  message: (text: string) => { type: 'settings:import' | 'packs:import'; text: string },
): HTMLElement[] {
  const doc = root.ownerDocument;
  const { t } = deps;
  const file = el(doc, 'input', { type: 'file', id: `import-${kind}`, accept: 'application/json,.json' });
  const label = el(doc, 'label', { for: file.id }, `${t(labels.choose)} `);
  const result = el(doc, 'div', { id: `import-${kind}-result`, role: 'status' });
  const notice = deps.state.notices[kind];
  if (notice) {
    result.append(el(doc, 'p', {}, notice.text));
    if (notice.problems.length > 0) {
      const ul = el(doc, 'ul');
      for (const problem of notice.problems) ul.append(el(doc, 'li', {}, problem));
      result.append(ul);
    }
  }
  const importChosen = async (chosen: File) => {
    const reply: ImportReply = await deps.send(message(await chosen.text()));
    deps.state.notices[kind] = reply.ok ? { text: t(labels.done), problems: [] } : { text: t(labels.refused), problems: reply.problems };
    // A refused file changes nothing in storage, so no re-render comes from there: show the result now.
    deps.refresh();
  };
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen) void importChosen(chosen);
  });
  return [label, file, result];
}

/**
 * Renders the options page into `root`. Every change goes to the background, the one writer of
 * settings and packs; the page re-renders when either changes in storage.
 */
export function renderOptions(root: HTMLElement, settings: Settings, packs: PackView[], deps: OptionsDeps): void {
  const doc = root.ownerDocument;
  const { t } = deps;
  root.replaceChildren(el(doc, 'h1', {}, t('optionsTitle')));

  // Where it runs
  const where = el(doc, 'section', { 'aria-labelledby': 'where' });
  where.append(el(doc, 'h2', { id: 'where' }, t('optionsWhere')));
  for (const [value, key] of [
    ['everywhere', 'optionsDefaultEverywhere'],
    ['only-enabled', 'optionsDefaultOnlyEnabled'],
  ] as const) {
    const radio = el(doc, 'input', { type: 'radio', name: 'default', id: `default-${value}`, value });
    radio.checked = settings.sites.default === value;
    radio.addEventListener('change', () => void deps.send({ type: 'settings:patch', patch: { siteDefault: value } }));
    const label = el(doc, 'label', { for: radio.id, class: 'row' });
    label.append(radio, doc.createTextNode(` ${t(key)}`));
    where.append(label);
  }
  where.append(el(doc, 'p', { class: 'hint' }, t('optionsSemantics')));

  const input = el(doc, 'input', { type: 'text', id: 'site-input', autocomplete: 'off', placeholder: 'example.com' });
  const inputLabel = el(doc, 'label', { for: 'site-input' }, `${t('optionsSiteInput')} `);
  const error = el(doc, 'p', { class: 'error', role: 'alert' });
  const add = (enabled: boolean) => {
    const site = normalizeSite(input.value);
    if (!site) {
      error.textContent = t('optionsInvalidSite');
      return;
    }
    void deps.send({ type: 'site:set', site, enabled });
  };
  const on = el(doc, 'button', { type: 'button', id: 'turn-on' }, t('optionsTurnOn'));
  on.addEventListener('click', () => add(true));
  const off = el(doc, 'button', { type: 'button', id: 'turn-off' }, t('optionsTurnOff'));
  off.addEventListener('click', () => add(false));
  const form = el(doc, 'div', { class: 'row' });
  form.append(inputLabel, input, on, off);
  where.append(form, error);

  for (const [list, key, id] of [
    [settings.sites.enabled, 'optionsEnabledSites', 'enabled-sites'],
    [settings.sites.disabled, 'optionsDisabledSites', 'disabled-sites'],
  ] as const) {
    where.append(el(doc, 'h3', { id: `${id}-title` }, t(key)));
    const ul = el(doc, 'ul', { id, 'aria-labelledby': `${id}-title` });
    if (list.length === 0) ul.append(el(doc, 'li', { class: 'empty' }, t('optionsNoSites')));
    for (const site of list) {
      const li = el(doc, 'li', {}, `${site} `);
      const remove = el(doc, 'button', { type: 'button', 'aria-label': t('optionsRemove', [site]) }, '×');
      remove.addEventListener('click', () => void deps.send({ type: 'settings:patch', patch: { removeRule: site } }));
      li.append(remove);
      ul.append(li);
    }
    where.append(ul);
  }
  root.append(where);

  // What to show
  const show = el(doc, 'section', { 'aria-labelledby': 'show' });
  show.append(el(doc, 'h2', { id: 'show' }, t('optionsShow')));
  const critiques = el(doc, 'input', { type: 'checkbox', id: 'show-critiques' });
  critiques.checked = settings.showCritiques;
  critiques.addEventListener('change', () => void deps.send({ type: 'settings:patch', patch: { showCritiques: critiques.checked } }));
  const critiquesLabel = el(doc, 'label', { for: 'show-critiques', class: 'row' });
  critiquesLabel.append(critiques, doc.createTextNode(` ${t('popupShowCritiques')}`));
  show.append(critiquesLabel, el(doc, 'h3', {}, t('optionsFrames')));
  for (const frame of [...deps.frames, ...packs.flatMap((p) => p.frames)]) {
    const box = el(doc, 'input', { type: 'checkbox', id: `frame-${frame.id}` });
    box.checked = !settings.hiddenFrames.includes(frame.id);
    box.addEventListener('change', () => {
      const hidden = box.checked ? settings.hiddenFrames.filter((f) => f !== frame.id) : [...settings.hiddenFrames, frame.id];
      void deps.send({ type: 'settings:patch', patch: { hiddenFrames: hidden } });
    });
    const label = el(doc, 'label', { for: box.id, class: 'row' });
    label.append(box, doc.createTextNode(` ${frame.name}`));
    show.append(label);
  }
  root.append(show);

  // Back up and restore
  const backup = el(doc, 'section', { 'aria-labelledby': 'backup' });
  backup.append(el(doc, 'h2', { id: 'backup' }, t('optionsBackup')));
  const exportButton = el(doc, 'button', { type: 'button', id: 'export' }, t('optionsExport'));
  exportButton.addEventListener('click', () => deps.download('counterframe-settings.json', exportSettings(settings)));
  backup.append(
    exportButton,
    ...fileImport(root, deps, 'settings', { choose: 'optionsImport', done: 'optionsImported', refused: 'optionsImportRefused' }, (text) => ({
      type: 'settings:import',
      text,
    })),
  );
  root.append(backup);

  // Claim packs
  const library = el(doc, 'section', { 'aria-labelledby': 'packs' });
  library.append(el(doc, 'h2', { id: 'packs' }, t('optionsPacks')), el(doc, 'p', { class: 'hint' }, t('optionsPacksHint')));
  const list = el(doc, 'ul', { id: 'pack-list', 'aria-labelledby': 'packs' });
  if (packs.length === 0) list.append(el(doc, 'li', { class: 'empty' }, t('optionsNoPacks')));
  for (const pack of packs) {
    const li = el(doc, 'li', {}, `${t('optionsPackEntry', [pack.name, String(pack.frames.length)])} `);
    const remove = el(doc, 'button', { type: 'button', 'aria-label': t('optionsRemovePack', [pack.name]) }, '×');
    remove.addEventListener('click', () => void deps.send({ type: 'packs:remove', id: pack.id }));
    li.append(remove);
    list.append(li);
  }
  library.append(
    list,
    ...fileImport(root, deps, 'pack', { choose: 'optionsImportPack', done: 'optionsPackImported', refused: 'optionsPackRefused' }, (text) => ({
      type: 'packs:import',
      text,
    })),
  );
  root.append(library);
}
