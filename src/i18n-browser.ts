import { browser } from 'wxt/browser';
import type { Translate } from './i18n';

/** The reader's language, from the extension's _locales. */
export const inBrowserLanguage: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key;
