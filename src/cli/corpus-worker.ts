/** A worker thread of the corpus mode (corpus.ts): reads the pages it is given, one at a time. */
import { parentPort } from 'node:worker_threads';
import type { CorpusPage } from './corpus-inputs';
import { readPage } from './page-report';
import { decodeText, readBytes, withinCap } from './read-input';

export type WorkerAnswer = { line: string } | { problem: string };

function answer({ file, url, date, path, html }: CorpusPage): WorkerAnswer {
  try {
    const text = html === undefined ? decodeText(readBytes(path!), file, { page: true }) : withinCap(html, file);
    // The page's own fields exactly as --json gives them, after what names it.
    return { line: JSON.stringify({ file, ...(url === undefined ? {} : { url }), ...(date === undefined ? {} : { date }), ...readPage(text).page }) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

parentPort!.on('message', (page: CorpusPage) => parentPort!.postMessage(answer(page)));
