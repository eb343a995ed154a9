import type english from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;
/** Text for the reader, in their language: browser.i18n in the extension (i18n-browser.ts), English in the tests. */
export type Translate = (key: MessageKey, substitutions?: string[]) => string;
