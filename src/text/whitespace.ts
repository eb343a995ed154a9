/** Runs of whitespace (including no-break spaces) fold to one space, as a browser renders them. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
