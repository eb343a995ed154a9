import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The read-only material beside the project (seeds and corpus); present for developers and CI. */
export const SHARED = resolve(process.env.COUNTERFRAME_SHARED ?? '../shared');
export const CORPUS = join(SHARED, 'corpus/readability-pages');

export function corpusPages(): { name: string; file: string }[] {
  if (!existsSync(CORPUS)) throw new Error(`the corpus is missing: expected it at ${CORPUS} (set COUNTERFRAME_SHARED)`);
  return readdirSync(CORPUS)
    .sort()
    .map((name) => ({ name, file: join(CORPUS, name, 'source.html') }));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The IEEE Spectrum seed (its body is HTML already) as a page. */
export function ieeeSeedPage(): string {
  const seed = readFileSync(join(SHARED, 'seeds/000_e3c6f2119c810c05.repaired-utf8.txt'), 'utf8');
  const body = seed
    .split('\n')
    .filter((line) => !line.startsWith('#') && !line.startsWith('- '))
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The U.S. and China Are Pursuing Different AI Futures</title></head><body><article><h1>The U.S. and China Are Pursuing Different AI Futures</h1>${body}</article></body></html>`;
}

/** The NPR write-up seed (plain text, blank-line paragraphs; its advertising tail cut) as a page. */
export function nprSeedPage(): string {
  const seed = readFileSync(join(SHARED, 'seeds/003_1f9490e3b794c15f.txt'), 'utf8').split('\nFeatured\n')[0]!;
  const paragraphs = seed
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(paragraphs[1]!)}</title></head><body><article>${paragraphs
    .slice(2)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n')}</article></body></html>`;
}
