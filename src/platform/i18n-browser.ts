import { extensionApi } from './extension-api';
import type { Translate } from './i18n';

/** The reader's language, from the extension's _locales (i18n.getMessage is the same, polyfill or not). */
export const inBrowserLanguage: Translate = (key, substitutions) => extensionApi().i18n.getMessage(key, substitutions) || key;
