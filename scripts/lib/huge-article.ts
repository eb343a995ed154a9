import { readFileSync } from 'node:fs';

/**
 * A news article of about `bytes` bytes: the framed fixture's paragraphs repeated under numbered
 * headings. Written at test time, since a 5 MB fixture does not belong in the repository.
 */
export function hugeArticle(bytes = 5_000_000): string {
  const page = readFileSync('tests/fixtures/pages/arms-race/source.html', 'utf8');
  const body = /<article>([\s\S]*)<\/article>/.exec(page)![1];
  const parts: string[] = [];
  let size = 0;
  for (let part = 1; size < bytes; part++) {
    const chunk = `<h2>Part ${part}</h2>\n${body}\n`;
    parts.push(chunk);
    size += chunk.length;
  }
  return page.replace(/<article>[\s\S]*<\/article>/, `<article>${parts.join('')}</article>`);
}
