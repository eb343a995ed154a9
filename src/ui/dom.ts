export type Children = (Node | string | null | undefined)[];

/**
 * Builds an element from text only: strings become text nodes, nothing is ever parsed as HTML. The
 * card, the popup and the settings page all build their UI with it.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  content: Children | string = [],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of typeof content === 'string' ? [content] : content) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}
