import type { MessageKey, Translate } from '../platform/i18n';

/** The messages that have plural forms: each has a key per plural category its languages use, `_other` always. */
type PluralBase = 'popupUses' | 'popupCritiques' | 'optionsPackEntry' | 'optionsSiteCount';

/**
 * A message with a count, in the plural form the language gives that count. browser.i18n has no
 * plurals, so each plural category has its own key (`popupUses_one`, `popupUses_other`), chosen with
 * Intl.PluralRules in the language of the messages file the browser picked (its `pluralLocale`
 * message: a French browser reads the English file, and gets English plurals). English has "one" and
 * "other"; Chinese only "other". The count is written as the language writes numbers ("5,000").
 */
export function plural(t: Translate, base: PluralBase, count: number, others: string[] = []): string {
  const locale = t('pluralLocale') || 'en';
  let category: string;
  let written: string;
  try {
    category = new Intl.PluralRules(locale).select(count);
    written = new Intl.NumberFormat(locale).format(count);
  } catch {
    category = count === 1 ? 'one' : 'other';
    written = String(count);
  }
  const key = `${base}_${category}` as MessageKey;
  const text = t(key, [...others, written]);
  // A category this language's file has no key for ("few" in English) reads as its "other".
  return text && text !== key ? text : t(`${base}_other`, [...others, written]);
}
