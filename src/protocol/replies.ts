import type { PageReading } from '../pipeline/reading';
import type { Message, OffscreenMessage, PageSummary } from './messages';
import type { PageMessage } from './page-messages';
import type { PageReportSource } from '../report/model';

export type OkReply = { ok: boolean };
export type ImportReply = { ok: true } | { ok: false; problems: string[] };

/** What each message to the background (or the offscreen document) is answered with. */
export interface Replies {
  'site:set': OkReply;
  'settings:patch': OkReply;
  'settings:import': ImportReply;
  'page:status': undefined;
  'page:wanted': undefined;
  /** Null where the page could not be read (the gate turned it away, or it is too large to send). */
  'page:read': PageReading | null;
  'packs:import': ImportReply;
  'packs:remove': OkReply;
}

/** What the offscreen document answers. */
export type OffscreenReply = PageReading;

/** What each message to the highlighter on a page is answered with. */
export interface PageReplies {
  'page:summary': PageSummary;
  'highlight:step': undefined;
  'highlight:show': undefined;
  /** Null before the page has been read. */
  'page:report': PageReportSource | null;
}

export type Reply<M extends Message> = Replies[M['type']];
export type PageReply<M extends PageMessage> = PageReplies[M['type']];

/** Sends a message to the extension's background and waits for its reply. */
export type Send = <M extends Message>(message: M) => Promise<Reply<M>>;

/**
 * A typed Send over the browser's runtime.sendMessage. The background answers each message with its
 * Replies entry (its handlers are typed by the same map, see background.ts), so the reply is that type.
 */
export function sender(sendMessage: (message: Message) => Promise<unknown>): Send {
  return <M extends Message>(message: M) => sendMessage(message) as Promise<Reply<M>>;
}

/** The same for the offscreen document, which answers its one message with a reading. */
export function offscreenSender(sendMessage: (message: OffscreenMessage) => Promise<unknown>) {
  return (message: OffscreenMessage) => sendMessage(message) as Promise<OffscreenReply>;
}

/** The same for the highlighter in a tab: undefined where none answers (the page was never read). */
export function tabSender(sendMessage: (tabId: number, message: PageMessage) => Promise<unknown>) {
  return <M extends PageMessage>(tabId: number, message: M): Promise<PageReply<M> | undefined> =>
    (sendMessage(tabId, message) as Promise<PageReply<M>>).catch(() => undefined);
}
