import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, declaredEncoding } from '../../../src/cli/read-input';

const ascii = (text: string) => Buffer.from(text, 'latin1');
const page = (head: string, body: Buffer) =>
  Buffer.concat([ascii(`<!doctype html><html><head>${head}<title>t</title></head><body><p>`), body, ascii('</p></body></html>')]);
const decode = (bytes: Buffer) => decodeText(bytes, 'page.html', { page: true });

// "中美人工智能军备竞赛" in GBK, "中美人工智能軍備競賽" in Big5, "Les États-Unis “race”" in windows-1252.
const GBK = Buffer.from('d6d0c3c0c8cbb9a4d6c7c4dcbefcb1b8bebac8fc', 'hex');
const BIG5 = Buffer.from('a4a4acfca448a475b4bcafe0ad78b3c6c476c1c9', 'hex');
const CP1252 = Buffer.concat([Buffer.from('4c657320c9746174732d556e6973', 'hex'), Buffer.from([0x20, 0x93, 0x72, 0x61, 0x63, 0x65, 0x94])]);

function utf16(text: string, bigEndian: boolean): Buffer {
  const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return bigEndian ? bytes.swap16() : bytes;
}

describe('reading a page in the charset it declares', () => {
  it('decodes windows-1252, GBK and Big5 declared by <meta charset> or http-equiv', () => {
    expect(decode(page('<meta charset="windows-1252">', CP1252))).toContain('Les États-Unis “race”');
    expect(decode(page('<meta http-equiv="Content-Type" content="text/html; charset=gbk">', GBK))).toContain('中美人工智能军备竞赛');
    expect(decode(page("<meta charset='big5'>", BIG5))).toContain('中美人工智能軍備競賽');
    // Browsers read ISO-8859-1 as windows-1252, and so does the platform's decoder.
    expect(decode(page('<META CHARSET=iso-8859-1>', CP1252))).toContain('“race”');
  });

  it('follows a byte-order mark first: UTF-8, UTF-16LE and UTF-16BE', () => {
    const text = '<!doctype html><meta charset="windows-1252"><p>中美 “race”</p>';
    expect(decode(utf16(text, false))).toBe(text);
    expect(decode(utf16(text, true))).toBe(text);
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(declaredEncoding(utf16(text, true))).toEqual({ label: 'utf-16be', bom: true });
  });

  it('reads valid UTF-8 as UTF-8 even under an old meta charset, as a page re-saved in UTF-8 has', () => {
    expect(decode(page('<meta charset="gb2312">', Buffer.from('中美人工智能军备竞赛')))).toContain('中美人工智能军备竞赛');
  });

  it('looks for the declaration only in the first 1024 bytes, as browsers do', () => {
    const late = Buffer.concat([ascii(`<!doctype html><!--${'x'.repeat(1024)}--><meta charset="gbk">`), GBK]);
    expect(declaredEncoding(late)).toBeNull();
    expect(() => decode(late)).toThrow(/is not UTF-8 text and declares no other charset/);
  });

  it('names a charset it cannot decode', () => {
    expect(() => decode(page('<meta charset="klingon-8">', CP1252))).toThrow('page.html declares the charset "klingon-8", which is not one this can decode');
  });

  it('flags the page read from GBK as the extension would', () => {
    const html = readFileSync('tests/fixtures/pages/cjk/source.html', 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'counterframe-charset-'));
    // The CJK fixture's text, written in GBK (every character of it is in GBK).
    const gbk = new TextDecoder('gbk');
    const bytes = Buffer.from(Array.from(html.replace('<meta charset="utf-8">', '<meta charset="gbk">')).flatMap((c) => [...encodeGbk(c, gbk)]));
    writeFileSync(join(dir, 'gbk.html'), bytes);
    writeFileSync(join(dir, 'utf8.html'), html);
    const run = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/annotate.ts', '--json', join(dir, file)], { encoding: 'utf8' });
    const fromGbk = run('gbk.html');
    expect(fromGbk.stderr).toBe('');
    expect(JSON.parse(fromGbk.stdout).matches.length).toBeGreaterThan(0);
    expect(JSON.parse(fromGbk.stdout).matches).toEqual(JSON.parse(run('utf8.html').stdout).matches);
  });
});

// The platform has no GBK encoder: each character's bytes are found by decoding every two-byte code; one not in GBK is written as a character reference.
const gbkCodes = new Map<string, number[]>();
function encodeGbk(char: string, gbk: TextDecoder): number[] {
  if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
  if (gbkCodes.size === 0)
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) gbkCodes.set(gbk.decode(Uint8Array.of(lead, trail)), [lead, trail]);
  const code = gbkCodes.get(char);
  return code ?? [...Buffer.from(`&#${char.codePointAt(0)};`)];
}
