import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inEnglish, translatorFor } from '../../src/i18n';
import { parseMessage } from '../../src/messages';

const read = (locale: string) => JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8'));

describe('the locales', () => {
  it('give Simplified Chinese every English message, with the same placeholders', () => {
    const en = read('en');
    const zh = read('zh_CN');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(zh[key].placeholders ?? null, key).toEqual(en[key].placeholders ?? null);
      for (const name of Object.keys(en[key].placeholders ?? {})) expect(zh[key].message, key).toContain(`$${name.toUpperCase()}$`);
    }
  });

  it('fill placeholders as browser.i18n does', () => {
    expect(inEnglish('popupCounts', ['11', '1'])).toBe('11 use an arms-race frame, 1 critique one');
    expect(translatorFor(read('zh_CN'))('popupSiteOff', ['example.com'])).toBe('已在 example.com 关闭。');
  });
});

describe('parseMessage', () => {
  it('accepts the protocol and nothing else', () => {
    expect(parseMessage({ type: 'site:set', site: 'example.com', enabled: false })).toEqual({ type: 'site:set', site: 'example.com', enabled: false });
    expect(parseMessage({ type: 'page:summary' })).toEqual({ type: 'page:summary' });
    for (const bad of [null, 'site:set', {}, { type: 'site:set', site: 'x' }, { type: 'site:set', site: 'x', enabled: 'no' }, { type: 'settings:patch', patch: { evil: 1 } }, { type: 'eval', code: '1' }]) {
      expect(parseMessage(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});
