import * as v from 'valibot';

/**
 * Every message the extension's parts send each other, but those to the highlighter on a page (see
 * page-messages.ts). Each is checked where it is received: a message that does not fit is ignored.
 * Pages cannot send these (runtime messaging is for the extension's own contexts), and
 * window.postMessage is never listened to.
 */
const MessageSchema = v.variant('type', [
  /** popup, options, context menu → background: switch a site. */
  v.strictObject({ type: v.literal('site:set'), site: v.string(), enabled: v.boolean() }),
  /** popup, options → background: change the other settings. */
  v.strictObject({
    type: v.literal('settings:patch'),
    patch: v.strictObject({
      paused: v.optional(v.boolean()),
      showCritiques: v.optional(v.boolean()),
      hiddenFrames: v.optional(v.array(v.string())),
      siteDefault: v.optional(v.picklist(['everywhere', 'only-enabled'])),
      removeRule: v.optional(v.string()),
    }),
  }),
  /** options → background: replace every setting with an imported file's (checked again there). */
  v.strictObject({ type: v.literal('settings:import'), text: v.string() }),
  /** content → background: what this tab shows, for the toolbar badge. */
  v.strictObject({ type: v.literal('page:status'), state: v.picklist(['on', 'off', 'idle']), uses: v.number(), critiques: v.number() }),
  /** gate script → background: this page's text has the library's words, bring in the highlighter. */
  v.strictObject({ type: v.literal('page:wanted') }),
  /** content → background: read this page (its serialised HTML) away from its main thread. */
  v.strictObject({ type: v.literal('page:read'), html: v.string() }),
  /** options → background: add (or replace) a claim pack from a file the reader chose (checked there). */
  v.strictObject({ type: v.literal('packs:import'), text: v.string() }),
  /** options → background: remove an imported claim pack. */
  v.strictObject({ type: v.literal('packs:remove'), id: v.string() }),
]);

/**
 * background → offscreen document (Chromium): read this page with the library and these packs. The
 * packs are checked where they are compiled (html-analyzer.ts), once for each set of packs.
 */
const OffscreenMessageSchema = v.strictObject({ type: v.literal('offscreen:read'), html: v.string(), packs: v.array(v.unknown()) });

/** A message to the background. */
export type Message = v.InferOutput<typeof MessageSchema>;
/** The one message to the offscreen document. */
export type OffscreenMessage = v.InferOutput<typeof OffscreenMessageSchema>;

export function parseMessage(data: unknown): Message | null {
  const result = v.safeParse(MessageSchema, data);
  return result.success ? result.output : null;
}

export function parseOffscreenMessage(data: unknown): OffscreenMessage | null {
  const result = v.safeParse(OffscreenMessageSchema, data);
  return result.success ? result.output : null;
}

/** The content script's answer to page:summary. */
export interface PageSummary {
  url: string;
  /** True until the page has been read with the user's settings (the settings load, a reading is on its way, or its highlights). */
  reading: boolean;
  /** How many times the page has been read so far (it is read again as its content changes). */
  readings: number;
  site: string | null;
  enabled: boolean;
  highlights: { id: number; frame: string; stance: 'uses' | 'critiques'; snippet: string }[];
  uses: number;
  critiques: number;
  frames: string[];
}
