import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../src/text/body-text';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('bodyText (the gate script reads the page through it)', () => {
  it.each(readdirSync('tests/fixtures/pages'))('is the body’s textContent on %s', (name) => {
    const doc = parse(readFileSync(`tests/fixtures/pages/${name}`, 'utf8'));
    expect(doc.body.textContent!.length).toBeGreaterThan(0);
    expect(bodyText(doc)).toBe(doc.body.textContent);
  });

  it('keeps the text of scripts and the whitespace, as textContent does', () => {
    const doc = parse('<body>\n  <p>Beat <b>China</b></p><script>var ai = "race";</script>\n</body>');
    expect(bodyText(doc)).toBe(doc.body.textContent);
    expect(bodyText(doc)).toMatch(/^\n {2}Beat Chinavar ai = "race";\n/);
  });

  it('asks the body itself where the path finds none (a frameset page)', () => {
    const doc = parse('<html><frameset><frame src="a.html"></frameset></html>');
    doc.body!.append('The AI race, in frames');
    expect(bodyText(doc)).toBe('The AI race, in frames');
  });

  it('is empty for a document without a body', () => {
    const doc = parse('<p>x</p>');
    doc.body!.remove();
    expect(bodyText(doc)).toBe('');
  });
});
