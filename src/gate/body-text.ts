/** XPathResult's STRING_TYPE and ORDERED_NODE_SNAPSHOT_TYPE, written as numbers so that nothing is looked up on the page's window for them. */
const STRING_TYPE = 2;
const ORDERED_SNAPSHOT_TYPE = 7;

/**
 * Past this many characters, a page's text is looked over for long scripts and style sheets to leave
 * out. Asking for them sets up their interfaces in the content script's world, so it pays only where
 * the scan it saves is longer: on long pages (the bench measures where that starts).
 */
const LONG_PAGE = 131_072;

/** Code shorter than this is scanned with the rest: cutting each piece out costs a search. */
const LONG_CODE = 4_096;

/**
 * The page body's text for the gate script's first look: its textContent, asked of the document
 * through XPath (the string value of an element is its text nodes' data in document order, as
 * textContent has it). In a content script's world, the first script to take hold of an element pays
 * for setting up its interfaces there (body, HTMLElement, Element): a large share of what reading
 * the text costs the gate script on every page. Where XPath finds no body
 * (an XML page, whose elements have a namespace), the body itself is asked.
 *
 * On a long page, the text of its long scripts and style sheets is left out, each where it stands (a
 * line break keeps the words on either side apart). Some news pages carry most of their text as
 * code: data for their own scripts, or styles, several times the article's length, which the scan
 * would read for nothing, and which the gate where the page is read leaves out too.
 */
export function bodyText(doc: Document): string {
  const text = doc.evaluate('string(/html/body)', doc, null, STRING_TYPE, null).stringValue || (doc.body?.textContent ?? '');
  return text.length < LONG_PAGE ? text : withoutLongCode(doc, text);
}

function withoutLongCode(doc: Document, text: string): string {
  // In document order, as their text stands in the body's.
  const code = doc.evaluate('/html/body//*[self::script or self::style]', doc, null, ORDERED_SNAPSHOT_TYPE, null);
  const kept: string[] = [];
  let from = 0;
  for (let i = 0; i < code.snapshotLength; i++) {
    const piece = code.snapshotItem(i)?.textContent ?? '';
    if (piece.length < LONG_CODE) continue;
    const at = text.indexOf(piece, from);
    if (at < 0) continue;
    kept.push(text.slice(from, at));
    from = at + piece.length;
  }
  kept.push(text.slice(from));
  return kept.join('\n');
}
