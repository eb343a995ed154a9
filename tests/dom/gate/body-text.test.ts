import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../../src/gate/body-text';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('bodyText (the gate script reads the page through it)', () => {
  it.each(readdirSync('tests/fixtures/pages').map((name) => `${name}/source.html`))('is the body’s textContent on %s, a page of common length', (name) => {
    const doc = parse(readFileSync(`tests/fixtures/pages/${name}`, 'utf8'));
    expect(doc.body.textContent.length).toBeGreaterThan(0);
    expect(bodyText(doc)).toBe(doc.body.textContent);
  });

  it('keeps the text of scripts and the whitespace, as textContent does', () => {
    const doc = parse('<body>\n  <p>Beat <b>China</b></p><script>var ai = "race";</script>\n</body>');
    expect(bodyText(doc)).toBe(doc.body.textContent);
    expect(bodyText(doc)).toMatch(/^\n {2}Beat Chinavar ai = "race";\n/);
  });

  it('leaves out the long scripts and style sheets of a long page, each where it stands, and keeps its words around them', () => {
    const data = (word: string) => `window.__DATA__ = ${JSON.stringify({ story: Array.from({ length: 20_000 }, () => word).join(' ') })};`;
    const article = Array.from({ length: 400 }, () => '<p>A sourdough loaf wants a long, cool rise before it is baked at dawn.</p>').join('');
    const doc = parse(
      `<head><script>${data('head')}</script></head><body><script>var small = "AI";</script>${article}<script>${data('AI')}</script><style>${'.ai-race { color: red; }\n'.repeat(2000)}</style><p>The end, about</p><script type="application/json">${data('GPU')}</script><p>AI at last.</p></body>`,
    );
    expect(doc.body.textContent.length).toBeGreaterThan(131_072);
    const text = bodyText(doc);
    expect(text).not.toContain('__DATA__');
    expect(text).not.toContain('.ai-race');
    // Short scripts stay: cutting each out would cost more than scanning it.
    expect(text).toContain('var small = "AI";');
    expect(text).toContain('A sourdough loaf');
    // Words on either side of a script cut out do not run together.
    expect(text).toMatch(/about\nAI at last\.$/);
    expect(text.length).toBeLessThan(doc.body.textContent.length / 4);
  });

  it('keeps a short page’s text whole, long scripts and all', () => {
    const doc = parse(`<body><p>Beat China</p><script>${'var x = 1;'.repeat(1000)}</script></body>`);
    expect(bodyText(doc)).toBe(doc.body.textContent);
  });

  it('asks the body itself where the path finds none (a frameset page)', () => {
    const doc = parse('<html><frameset><frame src="a.html"></frameset></html>');
    doc.body.append('The AI race, in frames');
    expect(bodyText(doc)).toBe('The AI race, in frames');
  });

  it('is empty for a document without a body', () => {
    const doc = parse('<p>x</p>');
    doc.body.remove();
    expect(bodyText(doc)).toBe('');
  });
});
