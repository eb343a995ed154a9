import { checkPack, installedPacks, type InstalledPacks } from '../claims/packs';
import type { PageReading } from '../pipeline/reading';
import type { Translate } from '../platform/i18n';
import type { Message, PageSummary } from '../protocol/messages';
import type { ImportReply, Replies } from '../protocol/replies';
import { parseSettingsFile, type Settings } from '../settings/settings';
import { isSiteEnabled, normalizeSite, setSiteEnabled, siteOf } from '../settings/site-rules';

export interface BackgroundDeps {
  /** The settings as stored now. */
  settings: () => Promise<Settings>;
  /** The one writer of settings (see createSerialWriter). */
  update: (change: (current: Settings) => Settings) => Promise<Settings>;
  /** The one writer of the imported claim packs. */
  updatePacks: (change: (current: InstalledPacks) => InstalledPacks) => Promise<InstalledPacks>;
  /** Reads a page's HTML with the library and the user's packs, away from the page. */
  read: (html: string) => Promise<PageReading>;
  /** The badge of a tab: a count of highlights, nothing, or "off". */
  setBadge: (tabId: number, badge: Badge) => void;
  /** Asks the highlighter in a tab what it shows; undefined where none runs. */
  askTab: (tabId: number) => Promise<PageSummary | undefined>;
  /** The address of a tab's page, for a tab the highlighter never came to. */
  tabUrl: (tabId: number) => Promise<string | undefined>;
  /** Brings the highlighter (and its highlight styles) into a frame whose page has the library's words (the gate script found them). */
  bringHighlighter: (tabId: number, frameId: number) => Promise<void>;
  /** Frames whose page asked for the highlighter while Counterframe was off there, kept until it is on again. */
  held: HeldFrames;
  t: Translate;
}

export type Badge = { kind: 'count'; count: number } | { kind: 'off' } | { kind: 'none' };

/** A frame of a tab, and the address of its page when it asked. */
export interface HeldFrame {
  tabId: number;
  frameId: number;
  url: string;
}

/** Where held frames are kept: they outlive the background's own restarts (storage.session in the extension). */
export interface HeldFrames {
  all(): Promise<HeldFrame[]>;
  add(frame: HeldFrame): Promise<void>;
  remove(match: (frame: HeldFrame) => boolean): Promise<void>;
}

/** Whether Counterframe runs on a page with these settings: not paused, and its site switched on. */
export function runsOn(settings: Settings, url: string): boolean {
  const site = siteOf(url);
  return site !== null && !settings.paused && isSiteEnabled(settings.sites, site);
}

/** Switches a site to the opposite of what it is now. */
export function toggleSite(site: string, deps: BackgroundDeps): Promise<Settings> {
  return deps.update((s) => ({ ...s, sites: setSiteEnabled(s.sites, site, !isSiteEnabled(s.sites, site)) }));
}

/** The context menu entry and the keyboard command: switch the site of this tab. */
export async function toggleSiteOfTab(tabId: number, pageUrl: string | undefined, deps: BackgroundDeps): Promise<void> {
  // Most pages never get the highlighter (the gate turned them away): their site is their address's.
  const url = pageUrl ?? (await deps.askTab(tabId))?.url ?? (await deps.tabUrl(tabId));
  const site = url ? siteOf(url) : null;
  if (site) await toggleSite(site, deps);
}

/**
 * Settings changed: frames held back while Counterframe was off on their page get the highlighter
 * now that it is on there. A frame whose page has changed since it asked is let go (its new page asks
 * for itself, if it has the words).
 */
export async function releaseHeld(settings: Settings, deps: BackgroundDeps, frameUrl: (tabId: number, frameId: number) => Promise<string | undefined>) {
  const ready = (await deps.held.all()).filter((frame) => runsOn(settings, frame.url));
  if (ready.length === 0) return;
  await deps.held.remove((frame) => ready.some((r) => r.tabId === frame.tabId && r.frameId === frame.frameId));
  for (const frame of ready) {
    if ((await frameUrl(frame.tabId, frame.frameId)) === frame.url) await deps.bringHighlighter(frame.tabId, frame.frameId).catch(() => {});
  }
}

/** Where a message comes from: a tab's frame and its page's address, or (none) one of the extension's own pages. */
export interface Sender {
  tabId?: number;
  frameId?: number;
  url?: string;
}

type Handlers = { [T in Message['type']]: (message: Extract<Message, { type: T }>, from: Sender, deps: BackgroundDeps) => Promise<Replies[T]> };

const handlers: Handlers = {
  async 'page:wanted'(_message, { tabId, frameId = 0, url }, deps) {
    if (tabId === undefined || url === undefined) return undefined;
    // Decided here, before the highlighter comes in: a page paused or switched off gets no script.
    if (runsOn(await deps.settings(), url)) await deps.bringHighlighter(tabId, frameId);
    else await deps.held.add({ tabId, frameId, url });
    return undefined;
  },
  async 'site:set'(message, _from, deps) {
    const site = normalizeSite(message.site);
    if (!site) return { ok: false };
    await deps.update((s) => ({ ...s, sites: setSiteEnabled(s.sites, site, message.enabled) }));
    return { ok: true };
  },
  async 'settings:patch'(message, _from, deps) {
    const { paused, showCritiques, hiddenFrames, siteDefault, removeRule } = message.patch;
    await deps.update((s) => ({
      ...s,
      paused: paused ?? s.paused,
      showCritiques: showCritiques ?? s.showCritiques,
      hiddenFrames: hiddenFrames ?? s.hiddenFrames,
      sites: {
        default: siteDefault ?? s.sites.default,
        enabled: s.sites.enabled.filter((x) => x !== removeRule),
        disabled: s.sites.disabled.filter((x) => x !== removeRule),
      },
    }));
    return { ok: true };
  },
  async 'settings:import'(message, _from, deps) {
    const parsed = parseSettingsFile(message.text);
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    await deps.update(() => parsed.settings);
    return { ok: true };
  },
  async 'packs:import'(message, _from, deps) {
    let reply: ImportReply = { ok: true };
    await deps.updatePacks((current) => {
      const checked = checkPack(message.text, current.packs);
      if (!checked.ok) {
        reply = checked;
        return current;
      }
      return installedPacks([...current.packs.filter((p) => p.id !== checked.pack.id), checked.pack]);
    });
    return reply;
  },
  async 'packs:remove'(message, _from, deps) {
    await deps.updatePacks((current) =>
      current.packs.some((p) => p.id === message.id) ? installedPacks(current.packs.filter((p) => p.id !== message.id)) : current,
    );
    return { ok: true };
  },
  'page:read': (message, _from, deps) => deps.read(message.html),
  'page:status'(message, { tabId }, deps) {
    const total = message.uses + message.critiques;
    if (tabId !== undefined) deps.setBadge(tabId, message.state === 'off' ? { kind: 'off' } : total > 0 ? { kind: 'count', count: total } : { kind: 'none' });
    return Promise.resolve(undefined);
  },
};

/** Handles one (already validated) message and gives its reply. */
export function handleMessage<M extends Message>(message: M, from: Sender, deps: BackgroundDeps): Promise<Replies[M['type']]> {
  // Each handler takes its own message type; TypeScript cannot follow `message.type` into the map's key.
  const handler = handlers[message.type] as (message: M, from: Sender, deps: BackgroundDeps) => Promise<Replies[M['type']]>;
  return handler(message, from, deps);
}
