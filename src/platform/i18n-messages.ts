import english from '../../public/_locales/en/messages.json';
import type { Translate } from './i18n';

interface MessageFile {
  [key: string]: { message: string; placeholders?: Record<string, { content: string }> };
}

/** Reads a _locales messages.json as browser.i18n.getMessage does: named placeholders, then $1…$9. */
export function translatorFor(messages: MessageFile): Translate {
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) return key;
    const named = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole);
    return named.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  };
}

/** The extension's words in English, where there is no browser.i18n: the command line and the tests. */
export const inEnglish: Translate = translatorFor(english);
