import { storage } from 'wxt/utils/storage';
import { createSerialWriter } from '../settings/store';
import type { HeldFrame, HeldFrames } from './background';

/** At most this many frames are held; the oldest go first. */
const MAX_HELD = 200;

/**
 * Held frames in storage.session: Chromium stops an idle service worker within a minute, and the
 * user may switch a site on much later; the list ends with the browser session.
 */
export function sessionHeldFrames(): HeldFrames {
  const item = storage.defineItem<HeldFrame[]>('session:heldFrames', { fallback: [] });
  const update = createSerialWriter(item);
  const same = (a: HeldFrame, b: HeldFrame) => a.tabId === b.tabId && a.frameId === b.frameId;
  return {
    all: () => item.getValue(),
    add: async (frame) => void (await update((frames) => [...frames.filter((f) => !same(f, frame)), frame].slice(-MAX_HELD))),
    remove: async (match) => void (await update((frames) => (frames.some(match) ? frames.filter((f) => !match(f)) : frames))),
  };
}
