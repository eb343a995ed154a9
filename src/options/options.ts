import type { MessageKey, Translate } from '../platform/i18n';
import type { Message } from '../protocol/messages';
import type { ImportReply, Send } from '../protocol/replies';
import { exportSettings, type Settings } from '../settings/settings';
import { normalizeSite } from '../settings/site-rules';
import { el } from '../ui/dom';
import { keepingFocus, writeFailure } from '../ui/pages';
import { plural } from '../ui/plural';

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

/** What a render changes in place: the page is built once, and each render updates it. */
interface OptionsView {
  /** The values of the last render, which the controls' listeners act on. */
  settings: Settings;
  update(settings: Settings, packs: PackView[]): void;
}

const views = new WeakMap<HTMLElement, OptionsView>();

/**
 * Renders the options page into `root`. Every change goes to the background, the one writer of
 * settings and packs; the page renders again when either changes in storage. The first render
 * builds the page; the later ones change only what changed, so the control the reader was using
 * keeps the focus (and a list of 5,000 sites is not built anew for each one switched).
 */
export function renderOptions(root: HTMLElement, settings: Settings, packs: PackView[], deps: OptionsDeps): void {
  let view = views.get(root);
  if (!view) {
    view = buildOptions(root, settings, deps);
    views.set(root, view);
  }
  view.update(settings, packs);
}

function buildOptions(root: HTMLElement, initial: Settings, deps: OptionsDeps): OptionsView {
  const doc = root.ownerDocument;
  const { t } = deps;
  const view: OptionsView = { settings: initial, update };

  // Failed writes, with the browser's reason, where the reader sees them: at the top, announced.
  const failure = el(doc, 'p', { id: 'write-error', class: 'error', role: 'alert' });
  const send = (message: Message) =>
    void deps.send(message).then(
      () => (failure.textContent = ''),
      (error: unknown) => {
        failure.textContent = writeFailure(t, error);
        // The control shows what the reader chose; storage still has what it had: show that.
        deps.refresh();
      },
    );
  root.replaceChildren(el(doc, 'h1', {}, t('optionsTitle')), failure);

  // Where it runs
  const where = el(doc, 'section', { 'aria-labelledby': 'where' });
  where.append(el(doc, 'h2', { id: 'where' }, t('optionsWhere')));
  const defaults = el(doc, 'fieldset', { class: 'choices' });
  defaults.append(el(doc, 'legend', {}, t('optionsWhere')));
  const radios = (
    [
      ['everywhere', 'optionsDefaultEverywhere'],
      ['only-enabled', 'optionsDefaultOnlyEnabled'],
    ] as const
  ).map(([value, key]) => {
    const radio = el(doc, 'input', { type: 'radio', name: 'default', id: `default-${value}`, value });
    radio.addEventListener('change', () => send({ type: 'settings:patch', patch: { siteDefault: value } }));
    const label = el(doc, 'label', { for: radio.id, class: 'row' });
    label.append(radio, doc.createTextNode(` ${t(key)}`));
    defaults.append(label);
    return radio;
  });
  where.append(defaults, el(doc, 'p', { class: 'hint' }, t('optionsSemantics')));

  // The site field is a form: Enter does what the default calls for (off where it runs everywhere).
  const form = el(doc, 'form', { id: 'site-form', class: 'row wrap' });
  const input = el(doc, 'input', { type: 'text', id: 'site-input', autocomplete: 'off', placeholder: 'example.com', 'aria-describedby': 'site-hint' });
  const error = el(doc, 'p', { id: 'site-error', class: 'error', role: 'alert' });
  const hint = el(doc, 'p', { id: 'site-hint', class: 'hint' });
  const add = (enabled: boolean) => {
    const site = normalizeSite(input.value);
    if (!site) {
      error.textContent = t('optionsInvalidSite');
      return;
    }
    error.textContent = '';
    input.value = '';
    send({ type: 'site:set', site, enabled });
  };
  const on = el(doc, 'button', { type: 'button', id: 'turn-on' }, t('optionsTurnOn'));
  on.addEventListener('click', () => add(true));
  const off = el(doc, 'button', { type: 'button', id: 'turn-off' }, t('optionsTurnOff'));
  off.addEventListener('click', () => add(false));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    add(view.settings.sites.default === 'only-enabled');
  });
  form.append(el(doc, 'label', { for: 'site-input' }, t('optionsSiteInput')), input, on, off);
  where.append(form, hint, error);

  const siteLists = (
    [
      ['enabled', 'optionsEnabledSites', 'enabled-sites'],
      ['disabled', 'optionsDisabledSites', 'disabled-sites'],
    ] as const
  ).map(([list, key, id]) => {
    const count = el(doc, 'span', { class: 'count' });
    const title = el(doc, 'h3', { id: `${id}-title` }, [`${t(key)} `, count]);
    const ul = el(doc, 'ul', { id, class: 'sites', 'aria-labelledby': `${id}-title` });
    const empty = el(doc, 'p', { id: `${id}-empty`, class: 'empty' }, t('optionsNoSites'));
    where.append(title, ul, empty);
    return { list, ul, empty, count, items: new Map<string, HTMLLIElement>() };
  });
  const siteItem = (site: string) => {
    const li = el(doc, 'li', {}, [el(doc, 'span', { class: 'name' }, site)]);
    const remove = el(doc, 'button', { type: 'button', class: 'remove', 'aria-label': t('optionsRemove', [site]) }, '×');
    remove.addEventListener('click', () => send({ type: 'settings:patch', patch: { removeRule: site } }));
    li.append(remove);
    return li;
  };
  root.append(where);

  // What to show
  const show = el(doc, 'section', { 'aria-labelledby': 'show' });
  show.append(el(doc, 'h2', { id: 'show' }, t('optionsShow')));
  const critiques = el(doc, 'input', { type: 'checkbox', id: 'show-critiques' });
  critiques.addEventListener('change', () => send({ type: 'settings:patch', patch: { showCritiques: critiques.checked } }));
  const critiquesLabel = el(doc, 'label', { for: 'show-critiques', class: 'row' });
  critiquesLabel.append(critiques, doc.createTextNode(` ${t('popupShowCritiques')}`));
  const frames = el(doc, 'fieldset', { class: 'choices', id: 'frames' });
  show.append(critiquesLabel, frames);
  root.append(show);
  let frameIds = '';

  // Back up and restore
  const backup = el(doc, 'section', { 'aria-labelledby': 'backup' });
  backup.append(el(doc, 'h2', { id: 'backup' }, t('optionsBackup')));
  const exportButton = el(doc, 'button', { type: 'button', id: 'export' }, t('optionsExport'));
  exportButton.addEventListener('click', () => deps.download('counterframe-settings.json', exportSettings(view.settings)));
  const settingsImport = fileImport(root, deps, 'settings', { choose: 'optionsImport', done: 'optionsImported', refused: 'optionsImportRefused' }, (text) => ({
    type: 'settings:import',
    text,
  }));
  const backupButtons = el(doc, 'div', { class: 'buttons' }, [exportButton, ...settingsImport.controls]);
  backup.append(backupButtons, settingsImport.result);
  root.append(backup);

  // Claim packs
  const library = el(doc, 'section', { 'aria-labelledby': 'packs' });
  library.append(el(doc, 'h2', { id: 'packs' }, t('optionsPacks')), el(doc, 'p', { class: 'hint' }, t('optionsPacksHint')));
  const packList = el(doc, 'ul', { id: 'pack-list', 'aria-labelledby': 'packs' });
  const noPacks = el(doc, 'p', { id: 'pack-list-empty', class: 'empty' }, t('optionsNoPacks'));
  const packImport = fileImport(root, deps, 'pack', { choose: 'optionsImportPack', done: 'optionsPackImported', refused: 'optionsPackRefused' }, (text) => ({
    type: 'packs:import',
    text,
  }));
  library.append(packList, noPacks, el(doc, 'div', { class: 'buttons' }, packImport.controls), packImport.result);
  root.append(library);
  let packIds = '';

  function update(settings: Settings, packs: PackView[]): void {
    view.settings = settings;
    for (const radio of radios) radio.checked = settings.sites.default === radio.value;
    hint.textContent = t('optionsSiteAdd', [t(settings.sites.default === 'only-enabled' ? 'optionsEnterTurnsOn' : 'optionsEnterTurnsOff')]);
    for (const list of siteLists) {
      const sites = settings.sites[list.list];
      updateList(list.ul, list.items, sites, siteItem);
      list.count.textContent = `(${plural(t, 'optionsSiteCount', sites.length)})`;
      list.ul.hidden = sites.length === 0;
      list.empty.hidden = sites.length > 0;
    }
    critiques.checked = settings.showCritiques;

    // The frames: built again only when packs bring or take some, keeping the focus where it was.
    const allFrames = [...deps.frames, ...packs.flatMap((p) => p.frames)];
    const ids = allFrames.map((f) => `${f.id}\n${f.name}`).join('\n');
    if (ids !== frameIds) {
      frameIds = ids;
      keepingFocus(doc, () => {
        frames.replaceChildren(el(doc, 'legend', {}, t('optionsFrames')));
        for (const frame of allFrames) {
          const box = el(doc, 'input', { type: 'checkbox', id: `frame-${frame.id}`, value: frame.id });
          box.addEventListener('change', () => {
            const hidden = view.settings.hiddenFrames;
            send({ type: 'settings:patch', patch: { hiddenFrames: box.checked ? hidden.filter((f) => f !== frame.id) : [...hidden, frame.id] } });
          });
          const label = el(doc, 'label', { for: box.id, class: 'row' });
          label.append(box, doc.createTextNode(` ${frame.name}`));
          frames.append(label);
        }
      });
    }
    for (const box of frames.querySelectorAll('input')) box.checked = !settings.hiddenFrames.includes(box.value);

    const packKey = JSON.stringify(packs.map((p) => [p.id, p.name, p.frames.length]));
    if (packKey !== packIds) {
      packIds = packKey;
      keepingFocus(doc, () => {
        packList.replaceChildren();
        for (const pack of packs) {
          const li = el(doc, 'li', {}, [el(doc, 'span', { class: 'name' }, plural(t, 'optionsPackEntry', pack.frames.length, [pack.name]))]);
          const remove = el(
            doc,
            'button',
            { type: 'button', class: 'remove', id: `remove-pack-${pack.id}`, 'aria-label': t('optionsRemovePack', [pack.name]) },
            '×',
          );
          remove.addEventListener('click', () => send({ type: 'packs:remove', id: pack.id }));
          li.append(remove);
          packList.append(li);
        }
      });
    }
    packList.hidden = packs.length === 0;
    noPacks.hidden = packs.length > 0;
    settingsImport.show();
    packImport.show();
  }

  return view;
}

/**
 * Makes `ul` list `wanted` (each item made by `make`), moving and adding only what changed. The
 * focus, on an item that goes, moves to the item after it (or before it), not to the page's body.
 */
function updateList(ul: HTMLElement, items: Map<string, HTMLLIElement>, wanted: string[], make: (key: string) => HTMLLIElement): void {
  const doc = ul.ownerDocument;
  const keep = new Set(wanted);
  const focused = doc.activeElement;
  let refocus: Element | null = null;
  for (const [key, li] of items) {
    if (keep.has(key)) continue;
    if (focused && li.contains(focused)) {
      let next = li.nextElementSibling ?? li.previousElementSibling;
      while (next && !keep.has(next.firstElementChild?.textContent ?? '')) next = next.nextElementSibling;
      refocus = next?.querySelector('button') ?? null;
    }
    li.remove();
    items.delete(key);
  }
  let cursor = ul.firstElementChild;
  for (const key of wanted) {
    let li = items.get(key);
    if (!li) {
      li = make(key);
      items.set(key, li);
    }
    if (li === cursor) cursor = cursor.nextElementSibling;
    else ul.insertBefore(li, cursor);
  }
  if (refocus instanceof HTMLElement) refocus.focus();
  else if (focused && !focused.isConnected) doc.getElementById('site-input')?.focus();
}

/**
 * A button that opens a file chooser (the input itself visually hidden behind it), whose file goes
 * to the background as `message(text)`; the outcome (imported, or refused with each problem) shows
 * under it.
 */
function fileImport(
  root: HTMLElement,
  deps: OptionsDeps,
  kind: 'settings' | 'pack',
  labels: { choose: MessageKey; done: MessageKey; refused: MessageKey },
  message: (text: string) => { type: 'settings:import' | 'packs:import'; text: string },
) {
  const doc = root.ownerDocument;
  const { t } = deps;
  const file = el(doc, 'input', {
    type: 'file',
    id: `import-${kind}`,
    class: 'visually-hidden',
    tabindex: '-1',
    'aria-hidden': 'true',
    'aria-label': t(labels.choose),
    accept: 'application/json,.json',
  });
  const button = el(doc, 'button', { type: 'button', id: `import-${kind}-button` }, t(labels.choose));
  button.addEventListener('click', () => file.click());
  const result = el(doc, 'div', { id: `import-${kind}-result`, role: 'status' });
  const importChosen = async (chosen: File) => {
    let reply: ImportReply;
    try {
      reply = await deps.send(message(await chosen.text()));
    } catch (error) {
      reply = { ok: false, problems: [writeFailure(t, error)] };
    }
    deps.state.notices[kind] = reply.ok ? { text: t(labels.done), problems: [] } : { text: t(labels.refused), problems: reply.problems };
    // A refused file changes nothing in storage, so no re-render comes from there: show the result now.
    deps.refresh();
  };
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (chosen) void importChosen(chosen);
  });
  let shown: Notice | undefined;
  return {
    controls: [button, file],
    result,
    show() {
      const notice = deps.state.notices[kind];
      if (notice === shown) return;
      shown = notice;
      result.replaceChildren();
      if (!notice) return;
      result.append(el(doc, 'p', {}, notice.text));
      if (notice.problems.length > 0) {
        const ul = el(doc, 'ul');
        for (const problem of notice.problems) ul.append(el(doc, 'li', {}, problem));
        result.append(ul);
      }
    },
  };
}
