import { readFileSync, statSync } from 'node:fs';
import { MAX_PAGE_HTML } from '../page/remote-analysis';

/** A problem with what the reader gave the command line, said in plain words. */
export class InputError extends Error {}

/** What a failed file operation means, for a reader rather than a programmer. */
export function plainError(error: unknown, file: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(`there is no file or folder ${file}`);
  if (code === 'EISDIR') return new InputError(`${file} is a folder, not a file`);
  if (code === 'ENOTDIR') return new InputError(`${file} is a file, not a folder`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`${file}: permission denied`);
  return new InputError(`${file}: ${(error as Error).message}`);
}

/** Reads a whole file, or standard input for "-". */
export function readBytes(file: string): Buffer {
  try {
    // A page this large would be refused once decoded; it is not worth reading into memory.
    const size = file === '-' ? 0 : statSync(file).size;
    if (size > 4 * MAX_PAGE_HTML) throw tooLarge(file, size);
    return readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    throw error instanceof InputError ? error : plainError(error, file);
  }
}

function tooLarge(file: string, size: number): InputError {
  return new InputError(
    `${file} is ${(size / 1e6).toFixed(1)} MB; the extension does not read pages over ${MAX_PAGE_HTML / 1e6} MB of HTML, and neither does this`,
  );
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

// As browsers look for it: a <meta charset> or an http-equiv Content-Type, in the first 1024 bytes.
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The encoding a page declares (a byte-order mark, then a meta tag), or null where it declares none. */
export function declaredEncoding(bytes: Uint8Array): { label: string; bom: boolean } | null {
  for (const [mark, label] of BOMS) if (mark.every((b, i) => bytes[i] === b)) return { label, bom: true };
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const label = META_CHARSET.exec(head)?.[1]?.toLowerCase();
  // A meta tag readable as ASCII cannot be in UTF-16; browsers read such a page as UTF-8.
  return label ? { label: label.startsWith('utf-16') ? 'utf-8' : label, bom: false } : null;
}

// Node 20's TextDecoder reads windows-1252 (which is also what ISO-8859-1 and ASCII labels mean on
// the web) as ISO-8859-1: bytes 0x80-0x9F come out as control characters, not as these.
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * A page's text: as its byte-order mark says; else as UTF-8 where it is valid UTF-8 (a saved page is
 * often re-encoded to UTF-8 with its old meta charset left in place, while text in a legacy encoding
 * is almost never valid UTF-8); else as its meta charset declares, with the platform's TextDecoder.
 * Binary data, an encoding the platform does not know, text that is not UTF-8 and declares nothing
 * else, and a page over the extension's size cap are refused, each with a reason.
 */
export function decodeText(bytes: Uint8Array, file: string, { page }: { page: boolean }): string {
  const text = decodeBytes(bytes, file);
  if (text.includes('\0')) throw new InputError(`${file} is binary, not text`);
  return page ? withinCap(text, file) : text;
}

function decodeBytes(bytes: Uint8Array, file: string): string {
  const declared = declaredEncoding(bytes);
  if (!declared?.bom) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      if (bytes.includes(0)) throw new InputError(`${file} is binary, not text`);
      if (!declared)
        throw new InputError(`${file} is not UTF-8 text and declares no other charset (a byte-order mark, or <meta charset> in its first 1024 bytes)`);
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared.label);
  } catch {
    throw new InputError(`${file} declares the charset "${declared.label}", which is not one this can decode`);
  }
  // The decoder drops the byte-order mark itself.
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c) : text;
}

/** The page's HTML, if it is within the size the extension reads. */
export function withinCap(html: string, file: string): string {
  if (html.length > MAX_PAGE_HTML) throw tooLarge(file, html.length);
  return html;
}

/** A file (or standard input) as text: see decodeText. */
export function readText(file: string, options: { page: boolean }): string {
  return decodeText(readBytes(file), file, options);
}
