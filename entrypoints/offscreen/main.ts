import { browser } from 'wxt/browser';
import { createHtmlAnalyzer } from '../../src/pipeline/html-analyzer';
import type { ClaimPack } from '../../src/claims/packs';
import { parseMessage } from '../../src/protocol/messages';

// Chromium's offscreen document: where pages are read, away from their main thread (see background.ts).
const read = createHtmlAnalyzer(new DOMParser(), import.meta.env.MODE === 'bench');

browser.runtime.onMessage.addListener((raw, sender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const message = parseMessage(raw);
  if (message?.type !== 'offscreen:read') return undefined;
  return Promise.resolve(read(message.html, message.packs as ClaimPack[]));
});
