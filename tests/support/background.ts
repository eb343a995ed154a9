import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { Message } from '../../src/protocol/messages';
import type { MessageKey } from '../../src/platform/i18n';
import type { Reply } from '../../src/protocol/replies';
import { inEnglish } from './translate';

/** Where a message comes from, as the browser tells the listener. */
interface From {
  tabId?: number;
  frameId?: number;
  url?: string;
}

/**
 * The extension's own background (entrypoints/background.ts) and offscreen document
 * (entrypoints/offscreen/main.ts), started on WXT's fake browser. The calls fake-browser leaves
 * unimplemented are answered as Chromium answers them, and recorded: the scripts brought into
 * frames, the badges. Call after fakeBrowser.reset(), in a test file run with jsdom (the offscreen
 * document parses HTML).
 */
export async function startBackground(frames: Record<string, string> = {}) {
  const injected: { tabId: number; frameId: number; files: string[] }[] = [];
  const badges = new Map<number, string>();
  const badgeColours = new Map<number, string>();
  const registered: { id: string }[] = [];
  const frameKey = (tabId: number, frameId: number) => `${tabId}:${frameId}`;
  Object.assign(fakeBrowser.scripting, {
    insertCSS: vi.fn(async () => {}),
    executeScript: vi.fn(async ({ target, files }: { target: { tabId: number; frameIds: number[] }; files?: string[] }) => {
      const frameId = target.frameIds[0] ?? 0;
      if (files) injected.push({ tabId: target.tabId, frameId, files });
      return [{ frameId, result: files ? undefined : frames[frameKey(target.tabId, frameId)] }];
    }),
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id))),
    registerContentScripts: vi.fn(async (scripts: { id: string }[]) => void registered.push(...scripts)),
    unregisterContentScripts: vi.fn(
      async ({ ids }: { ids: string[] }) => void registered.splice(0, registered.length, ...registered.filter((s) => !ids.includes(s.id))),
    ),
  });
  Object.assign(fakeBrowser.action, {
    setBadgeText: vi.fn(async ({ tabId, text }: { tabId: number; text: string }) => void badges.set(tabId, text)),
    setBadgeBackgroundColor: vi.fn(async ({ tabId, color }: { tabId: number; color: string }) => void badgeColours.set(tabId, color)),
  });
  const onClicked = event<[info: { menuItemId: string; pageUrl?: string }, tab?: { id?: number }]>();
  const onCommand = event<[command: string, tab?: { id?: number }]>();
  Object.assign(fakeBrowser.contextMenus, { create: vi.fn(), onClicked });
  Object.assign(fakeBrowser.commands, { onCommand });
  let offscreenOpen = false;
  Object.assign(fakeBrowser.offscreen, { createDocument: vi.fn(async () => void (offscreenOpen = true)) });
  Object.assign(fakeBrowser.i18n, { getMessage: (key: MessageKey, substitutions?: string[]) => inEnglish(key, substitutions), getUILanguage: () => 'en' });
  // No highlighter answers in these tabs.
  Object.assign(fakeBrowser.tabs, { sendMessage: vi.fn(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))) });
  Object.assign(fakeBrowser.runtime, {
    getContexts: vi.fn(async () => (offscreenOpen ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : [])),
    // The background's own messages reach the other contexts: here, the offscreen document.
    sendMessage: vi.fn(async (message: unknown) => deliver(message, {})),
  });
  const deliver = async (message: unknown, from: From) => {
    const sender = { id: fakeBrowser.runtime.id, ...(from.tabId !== undefined && { tab: { id: from.tabId } }), frameId: from.frameId, url: from.url };
    const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender as Browser.runtime.MessageSender, () => {});
    return replies.find((reply) => reply !== undefined);
  };
  vi.resetModules();
  const background = (await import('../../entrypoints/background')).default;
  await import('../../entrypoints/offscreen/main');
  background.main();
  return {
    /** A message to the background, as a tab's frame or one of the extension's pages sends it. */
    send: <M extends Message>(message: M, from: From = {}) => deliver(message, from) as Promise<Reply<M>>,
    /** The user picks the context menu's entry on a page. */
    clickMenu: (menuItemId: string, pageUrl: string, tabId: number) => onClicked.trigger({ menuItemId, pageUrl }, { id: tabId }),
    /** The user presses a keyboard command's keys in a tab. */
    command: (command: string, tabId: number) => onCommand.trigger(command, { id: tabId }),
    injected,
    badges,
    badgeColours,
    registered,
  };
}

/** An event of the browser's, for those fake-browser leaves out: listeners, and a way to fire them. */
function event<Args extends unknown[]>() {
  const listeners: ((...args: Args) => unknown)[] = [];
  return {
    addListener: (listener: (...args: Args) => unknown) => void listeners.push(listener),
    removeListener: (listener: (...args: Args) => unknown) => void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: (...args: Args) => unknown) => listeners.includes(listener),
    trigger: (...args: Args) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}
