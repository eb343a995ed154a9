import { browser } from 'wxt/browser';
import { createHtmlAnalyzer } from '../../src/pipeline/html-analyzer';
import { parseOffscreenMessage } from '../../src/protocol/messages';
import type { OffscreenReply } from '../../src/protocol/replies';

// Chromium's offscreen document: where pages are read, away from their main thread (see background.ts).
const analyze = createHtmlAnalyzer(new DOMParser(), import.meta.env.MODE === 'bench');

// The polyfill sends the returned promise's result as the reply; undefined leaves the message to the background.
// eslint-disable-next-line @typescript-eslint/no-misused-promises
browser.runtime.onMessage.addListener((raw: unknown, from): Promise<OffscreenReply> | undefined => {
  if (from.id !== browser.runtime.id) return undefined;
  const message = parseOffscreenMessage(raw);
  return message ? Promise.resolve().then(() => analyze(message.html, message.packs)) : undefined;
});
