import type { PageReading } from '../pipeline/reading';
import { checkPack, installedPacks, type InstalledPacks } from '../claims/packs';
import type { Translate } from '../platform/i18n';
import type { ImportReply, Message, PageSummary } from '../protocol/messages';
import { parseSettingsFile, type Settings } from '../settings/settings';
import { isSiteEnabled, normalizeSite, setSiteEnabled, siteOf } from '../settings/site-rules';

export interface BackgroundDeps {
  /** The one writer of settings (see createSerialWriter). */
  update: (change: (current: Settings) => Settings) => Promise<Settings>;
  /** The one writer of the imported claim packs. */
  updatePacks: (change: (current: InstalledPacks) => InstalledPacks) => Promise<InstalledPacks>;
  /** Reads a page's HTML with the library and the reader's packs, away from the page. */
  read: (html: string) => Promise<PageReading>;
  setBadge: (tabId: number, text: string) => void;
  /** Asks the reader in a tab what it shows; undefined where none runs. */
  askTab: (tabId: number) => Promise<PageSummary | undefined>;
  /** The address of a tab's page, for a tab the reader never came to. */
  tabUrl: (tabId: number) => Promise<string | undefined>;
  /** Brings the reader (and its highlight styles) into a frame whose page has the library's words (the gate script found them). */
  bringHighlighter: (tabId: number, frameId: number) => Promise<void>;
  t: Translate;
}

/** Switches a site to the opposite of what it is now. */
export function toggleSite(site: string, deps: BackgroundDeps): Promise<Settings> {
  return deps.update((s) => ({ ...s, sites: setSiteEnabled(s.sites, site, !isSiteEnabled(s.sites, site)) }));
}

/** The context menu entry and the keyboard command: switch the site of this tab. */
export async function toggleSiteOfTab(tabId: number, pageUrl: string | undefined, deps: BackgroundDeps): Promise<void> {
  // Most pages never get the reader (the gate turned them away): their site is their address's.
  const url = pageUrl ?? (await deps.askTab(tabId))?.url ?? (await deps.tabUrl(tabId));
  const site = url ? siteOf(url) : null;
  if (site) await toggleSite(site, deps);
}

/** Where a message comes from: a tab's frame, or (neither) one of the extension's own pages. */
export interface Sender {
  tabId?: number;
  frameId?: number;
}

/** Handles one (already validated) message. Returns the reply, if the message wants one. */
export async function handleMessage(message: Message, from: Sender, deps: BackgroundDeps): Promise<unknown> {
  const { tabId } = from;
  switch (message.type) {
    case 'page:wanted':
      if (tabId !== undefined) await deps.bringHighlighter(tabId, from.frameId ?? 0);
      return undefined;
    case 'site:set': {
      const site = normalizeSite(message.site);
      if (!site) return { ok: false };
      await deps.update((s) => ({ ...s, sites: setSiteEnabled(s.sites, site, message.enabled) }));
      return { ok: true };
    }
    case 'settings:patch': {
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
    }
    case 'settings:import': {
      const parsed = parseSettingsFile(message.text);
      if (!parsed.ok) return { ok: false, problems: parsed.problems } satisfies ImportReply;
      await deps.update(() => parsed.settings);
      return { ok: true } satisfies ImportReply;
    }
    case 'packs:import': {
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
    }
    case 'packs:remove': {
      await deps.updatePacks((current) =>
        current.packs.some((p) => p.id === message.id) ? installedPacks(current.packs.filter((p) => p.id !== message.id)) : current,
      );
      return { ok: true };
    }
    case 'page:read':
      return deps.read(message.html);
    case 'page:status': {
      if (tabId === undefined) return undefined;
      const total = message.uses + message.critiques;
      deps.setBadge(tabId, message.state === 'off' ? deps.t('badgeOff') : total > 0 ? String(total) : '');
      return undefined;
    }
    case 'offscreen:read':
      return undefined;
  }
}
