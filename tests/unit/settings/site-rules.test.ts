import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSiteEnabled, normalizeSite, setSiteEnabled, siteOf, type SiteRules } from '../../../src/settings/site-rules';

const everywhere: SiteRules = { default: 'everywhere', enabled: [], disabled: [] };
const onlyEnabled: SiteRules = { default: 'only-enabled', enabled: [], disabled: [] };

describe('siteOf and normalizeSite', () => {
  it('reduces a URL to its site, and refuses what is not an http(s) page', () => {
    expect(siteOf('https://www.Example.com/path?q=1')).toBe('example.com');
    expect(siteOf('http://news.example.com:8080/')).toBe('news.example.com');
    expect(siteOf('http://127.0.0.1:3000/a')).toBe('127.0.0.1');
    expect(siteOf('file:///home/me/page.html')).toBeNull();
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('accepts what a reader types in the options page', () => {
    expect(normalizeSite(' WWW.Example.COM. ')).toBe('example.com');
    expect(normalizeSite('https://news.example.com/story')).toBe('news.example.com');
    expect(normalizeSite('example.com/path')).toBe('example.com');
    expect(normalizeSite('not a host!')).toBeNull();
    expect(normalizeSite('')).toBeNull();
  });
});

describe('isSiteEnabled: the truth table', () => {
  const cases: [string, SiteRules, string, boolean][] = [
    ['no rule, default everywhere', everywhere, 'example.com', true],
    ['no rule, default only-enabled', onlyEnabled, 'example.com', false],
    ['disabled site', { ...everywhere, disabled: ['example.com'] }, 'example.com', false],
    ['a disabled site covers its subdomains', { ...everywhere, disabled: ['example.com'] }, 'news.example.com', false],
    ['a disabled subdomain does not cover its parent', { ...everywhere, disabled: ['news.example.com'] }, 'example.com', true],
    ['enabled site under only-enabled', { ...onlyEnabled, enabled: ['example.com'] }, 'example.com', true],
    ['an enabled site covers its subdomains', { ...onlyEnabled, enabled: ['example.com'] }, 'a.b.example.com', true],
    ['the most specific rule wins (subdomain on)', { ...everywhere, disabled: ['example.com'], enabled: ['news.example.com'] }, 'news.example.com', true],
    ['the most specific rule wins (subdomain off)', { ...onlyEnabled, enabled: ['example.com'], disabled: ['news.example.com'] }, 'news.example.com', false],
    ['a sibling is not covered', { ...everywhere, disabled: ['news.example.com'] }, 'sport.example.com', true],
    ['a lookalike is not covered', { ...everywhere, disabled: ['example.com'] }, 'notexample.com', true],
    ['a site on both lists is off', { ...everywhere, disabled: ['example.com'], enabled: ['example.com'] }, 'example.com', false],
  ];
  for (const [label, rules, site, expected] of cases) {
    it(label, () => expect(isSiteEnabled(rules, site)).toBe(expected));
  }
});

describe('setSiteEnabled', () => {
  it('re-enabling removes the rule instead of stacking a counter-rule', () => {
    const off = setSiteEnabled(everywhere, 'example.com', false);
    expect(off).toEqual({ default: 'everywhere', enabled: [], disabled: ['example.com'] });
    expect(setSiteEnabled(off, 'example.com', true)).toEqual(everywhere);
  });

  it('adds a rule for a subdomain only when its parent decides otherwise', () => {
    const off = setSiteEnabled(everywhere, 'example.com', false);
    const newsOn = setSiteEnabled(off, 'news.example.com', true);
    expect(newsOn).toEqual({ default: 'everywhere', enabled: ['news.example.com'], disabled: ['example.com'] });
    expect(setSiteEnabled(newsOn, 'news.example.com', false)).toEqual(off);
  });

  it('works the same way under "only on sites I enable"', () => {
    const on = setSiteEnabled(onlyEnabled, 'example.com', true);
    expect(on.enabled).toEqual(['example.com']);
    expect(setSiteEnabled(on, 'example.com', false)).toEqual(onlyEnabled);
  });

  it('never contradicts the last choice, and never keeps more than one rule per site (random histories)', () => {
    const sites = ['example.com', 'news.example.com', 'a.news.example.com', 'other.org', '127.0.0.1'];
    const step = fc.record({ site: fc.constantFrom(...sites), enabled: fc.boolean() });
    fc.assert(
      fc.property(fc.constantFrom<'everywhere' | 'only-enabled'>('everywhere', 'only-enabled'), fc.array(step, { maxLength: 40 }), (def, history) => {
        let rules: SiteRules = { default: def, enabled: [], disabled: [] };
        const last = new Map<string, boolean>();
        for (const { site, enabled } of history) {
          rules = setSiteEnabled(rules, site, enabled);
          last.set(site, enabled);
          expect(isSiteEnabled(rules, site)).toBe(enabled);
        }
        const all = [...rules.enabled, ...rules.disabled];
        expect(new Set(all).size).toBe(all.length);
        // The most recent choice for a site holds unless a later choice for a parent changed it.
        for (const [site, enabled] of last) {
          const laterParent = history.findLastIndex((h) => site !== h.site && site.endsWith(`.${h.site}`)) > history.findLastIndex((h) => h.site === site);
          if (!laterParent) expect(isSiteEnabled(rules, site)).toBe(enabled);
        }
      }),
    );
  });
});
