import table from './traditional.json';

/**
 * Traditional characters read as their Simplified forms, one character for one (軍備競賽 is 军备竞赛),
 * so that the vocabulary and the model, written and trained mostly in Simplified, read both scripts.
 * The table is OpenCC's character list (TSCharacters, Apache-2.0), cut to the common block of Han
 * characters and to its first choice for each: a fraction of the size of opencc-js's converter. Words
 * that differ between the regions (人工智慧, 晶片) are in the vocabulary itself.
 */
const SIMPLIFIED = new Map<string, string>();
[...table.traditional].forEach((ch, i) => SIMPLIFIED.set(ch, table.simplified[i]!));

// Full-width letters, digits and punctuation (ＡＩ, ，) read as their usual forms.
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const HAN = /\p{Script=Han}/gu;

/** The text with full-width forms made half-width and Traditional characters made Simplified. Same length. */
export function normaliseText(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(HAN, (ch) => SIMPLIFIED.get(ch) ?? ch);
}
