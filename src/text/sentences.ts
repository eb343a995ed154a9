export interface Span {
  start: number;
  end: number;
}

// ICU splits after abbreviations such as "U.S." when a capital follows; English news is full of them.
const ABBREVIATION_AT_END = /(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|St|vs|Sen|Rep|Gov|Gen|Prof|Inc|Corp|Jr|Sr|No)\.)\s*$/;

let segmenter: Intl.Segmenter | undefined;

/**
 * Sentence spans of one paragraph, trimmed of surrounding whitespace. Uses Intl.Segmenter, which
 * follows Unicode sentence rules for English and for Chinese (。！？).
 */
export function splitSentences(text: string): Span[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const spans: Span[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    const span = { start: index + lead, end: index + lead + trimmed.length };
    const previous = spans[spans.length - 1];
    if (previous && ABBREVIATION_AT_END.test(text.slice(previous.start, previous.end))) {
      previous.end = span.end;
    } else {
      spans.push(span);
    }
  }
  return spans;
}
