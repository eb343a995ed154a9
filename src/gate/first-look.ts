/**
 * The gate script's one test, on every page the reader opens: does the page's text mention what the
 * library's claims need (for this library, AI)? It runs before anything else is loaded, so it is
 * a few regular expressions the build writes as literals (contextPatterns in gate-words.ts), and
 * nothing is compiled from a string here.
 */

/** For each context of the library's cues, its words as one pattern over a page's text as written. */
export type ContextPatterns = Record<string, RegExp>;

/**
 * False when `text` (a page's textContent, code and all, but for a long page's long scripts and
 * style sheets: bodyText) cannot pass the gate's scan: it holds the words of none of the contexts in
 * `mentions` (GateData.mentions). True where `mentions` is null (a claim needs no context), or names
 * a context without a pattern here: the gate where the page is read decides. It can miss a word only
 * where a script's text runs straight into it, so a page that mentions AI nowhere else is turned away.
 */
export function hasContextWords(patterns: ContextPatterns, mentions: readonly string[] | null, text: string): boolean {
  return mentions === null || mentions.some((name) => patterns[name]?.test(text) ?? true);
}
