import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inEnglish, translatorFor } from '../../support/translate';
import { parseMessage } from '../../../src/protocol/messages';
import { parsePageMessage } from '../../../src/protocol/page-messages';

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
    expect(inEnglish('popupUses_other', ['11'])).toBe('11 passages use an arms-race frame');
    expect(translatorFor(read('zh_CN'))('popupSiteOff', ['example.com'])).toBe('已在 example.com 关闭。');
  });
});

describe('parseMessage', () => {
  it('accepts the protocol and nothing else', () => {
    expect(parseMessage({ type: 'site:set', site: 'example.com', enabled: false })).toEqual({ type: 'site:set', site: 'example.com', enabled: false });
    expect(parseMessage({ type: 'page:read', html: '<p>x</p>' })).toEqual({ type: 'page:read', html: '<p>x</p>' });
    // Messages to the reader on a page are the page's to check (parsePageMessage), not the background's.
    const bad = [
      null,
      'site:set',
      {},
      { type: 'site:set', site: 'x' },
      { type: 'site:set', site: 'x', enabled: 'no' },
      { type: 'settings:patch', patch: { evil: 1 } },
      { type: 'eval', code: '1' },
      { type: 'page:summary' },
    ];
    for (const message of bad) expect(parseMessage(message), JSON.stringify(message)).toBeNull();
  });
});

describe('parsePageMessage', () => {
  it('accepts the messages to the reader on a page, exactly as valibot would check them', () => {
    expect(parsePageMessage({ type: 'page:summary' })).toEqual({ type: 'page:summary' });
    expect(parsePageMessage({ type: 'page:report' })).toEqual({ type: 'page:report' });
    expect(parsePageMessage({ type: 'page:report', html: '<p>' })).toBeNull();
    expect(parsePageMessage({ type: 'highlight:step', direction: -1 })).toEqual({ type: 'highlight:step', direction: -1 });
    expect(parsePageMessage({ type: 'highlight:show', index: 3 })).toEqual({ type: 'highlight:show', index: 3 });
    expect(parsePageMessage({ type: 'highlight:show', index: 0 })).toEqual({ type: 'highlight:show', index: 0 });
  });

  it('refuses anything else: other types, other keys, other values', () => {
    const bad = [
      null,
      undefined,
      'page:summary',
      [],
      ['page:summary'],
      {},
      { type: 'site:set', site: 'x', enabled: true },
      { type: 'toString' },
      { type: 'constructor' },
      { type: { toString: () => 'page:summary' } },
      { type: 'page:summary', extra: 1 },
      { type: 'highlight:step' },
      { type: 'highlight:step', direction: 2 },
      { type: 'highlight:step', direction: '1' },
      { type: 'highlight:step', direction: 1, index: 0 },
      { type: 'highlight:show' },
      { type: 'highlight:show', index: -1 },
      { type: 'highlight:show', index: 1.5 },
      { type: 'highlight:show', index: Number.NaN },
      { type: 'highlight:show', index: Number.POSITIVE_INFINITY },
      { type: 'highlight:show', index: '2' },
    ];
    for (const message of bad) expect(parsePageMessage(message), String(JSON.stringify(message))).toBeNull();
  });

  it('returns a fresh object with only the known keys', () => {
    const sent = { type: 'highlight:show', index: 2 };
    const parsed = parsePageMessage(sent);
    expect(parsed).not.toBe(sent);
    expect(Object.keys(parsed!)).toEqual(['type', 'index']);
  });
});
