import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { InputError, plainError } from './read-input';

/** One page of a corpus: a file under the folder, or one line of a JSONL file (its HTML in hand). */
export interface CorpusPage {
  /** Its name in the output: the path under the folder, or "FILE.jsonl:LINE". */
  file: string;
  url?: string;
  date?: string;
  /** Where the page is read from, for a folder's file. */
  path?: string;
  html?: string;
  /** Why the line could not be taken as a page. */
  problem?: string;
}

/**
 * FNV-1a, 32 bits: a small hash that is the same on every machine and every run, so that shards
 * taken separately partition the pages.
 */
export function shardHash(key: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(key)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/** Whether a page falls in shard `index` of `count` (1-based): by its address where it has one, else its name. */
export function inShard(page: Pick<CorpusPage, 'file' | 'url'>, { index, count }: { index: number; count: number }): boolean {
  return count === 1 || shardHash(page.url ?? page.file) % count === index - 1;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every .html (or .htm) file under a folder, in name order, one folder read at a time. */
function* folderPages(root: string, under = ''): Generator<CorpusPage> {
  const dir = join(root, under);
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
    const rel = under ? `${under}/${entry.name}` : entry.name;
    const path = join(dir, entry.name);
    const kind = entry.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : entry;
    if (kind?.isDirectory()) yield* folderPages(root, rel);
    else if (kind?.isFile() && /\.html?$/i.test(entry.name)) yield { file: rel, path };
  }
}

function jsonlPage(line: string, file: string): CorpusPage {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return { file, problem: 'is not a line of JSON' };
  }
  const { url, date, html } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (typeof html !== 'string') return { file, problem: 'has no "html" string' };
  return {
    file,
    ...(typeof url === 'string' ? { url } : {}),
    ...(typeof date === 'string' ? { date } : {}),
    html,
  };
}

/** Each line of a JSONL file of {"url", "date", "html"}, read as a stream. */
async function* jsonlPages(path: string): AsyncGenerator<CorpusPage> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() !== '') yield jsonlPage(line, `${basename(path)}:${number}`);
  }
}

/** The pages of a corpus, a folder or a JSONL file, one at a time: a corpus is never held whole. */
export function corpusPages(input: string): AsyncIterable<CorpusPage> | Iterable<CorpusPage> {
  let stat;
  try {
    stat = statSync(input);
  } catch (error) {
    throw plainError(error, input);
  }
  if (stat.isDirectory()) return folderPages(input);
  if (!input.endsWith('.jsonl')) throw new InputError(`--corpus takes a folder of .html pages or a .jsonl file, not ${input}`);
  return jsonlPages(input);
}
