import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isLocalAddress,
  isSiteIgnored,
  MAX_IGNORED_SITES,
  normalizeSettings,
  siteFromInput,
  siteKey,
} from './settings';

describe('normalizeSettings', () => {
  it('gives the defaults for nothing stored or garbage', () => {
    for (const stored of [undefined, null, 42, 'x', [], {}])
      expect(normalizeSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and defaults only the broken ones', () => {
    const settings = normalizeSettings({
      panelEnabled: false,
      historyMode: 'everything',
      ignoredSites: ['Shop.Example.', 'shop.example', 42, 'https://News.example/page'],
      watchGiveUpMinutes: '30',
      notifications: 'yes',
    });
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      panelEnabled: false,
      ignoredSites: ['shop.example', 'news.example'],
      watchGiveUpMinutes: 30,
    });
  });

  it('clamps the watch duration and bounds the ignore list', () => {
    expect(normalizeSettings({ watchGiveUpMinutes: 0 }).watchGiveUpMinutes).toBe(5);
    expect(normalizeSettings({ watchGiveUpMinutes: 1e9 }).watchGiveUpMinutes).toBe(1440);
    expect(normalizeSettings({ watchGiveUpMinutes: Number.NaN }).watchGiveUpMinutes).toBe(120);
    const many = Array.from({ length: MAX_IGNORED_SITES + 50 }, (_, i) => `site${i}.example`);
    expect(normalizeSettings({ ignoredSites: many }).ignoredSites).toHaveLength(MAX_IGNORED_SITES);
  });
});

describe('sites', () => {
  it('ignores a site by host, whatever the URL’s path or casing', () => {
    expect(siteKey('https://Shop.Example:8443/cart?x=1')).toBe('shop.example:8443');
    expect(isSiteIgnored({ ignoredSites: ['shop.example'] }, 'https://SHOP.example/a')).toBe(true);
    expect(isSiteIgnored({ ignoredSites: ['shop.example'] }, 'https://www.shop.example/a')).toBe(
      false,
    );
    expect(isSiteIgnored({ ignoredSites: ['shop.example'] }, 'not a url://')).toBe(false);
  });

  it('reads the site a visitor types, with or without its address around it', () => {
    for (const [typed, site] of [
      ['shop.example', 'shop.example'],
      ['  Shop.Example. ', 'shop.example'],
      ['https://shop.example/cart?x=1', 'shop.example'],
      ['HTTP://Shop.Example:8443/', 'shop.example:8443'],
      ['shop.example/cart', 'shop.example'],
      ['127.0.0.1:8787', '127.0.0.1:8787'],
      ['[::1]:3000', '[::1]:3000'],
    ] as const)
      expect(siteFromInput(typed), typed).toBe(site);
    for (const typed of [
      '',
      '   ',
      'two words.example',
      'ftp://files.example',
      'https://',
      'mailto:a@b.example',
      'http://exa mple.com',
    ])
      expect(siteFromInput(typed), typed).toBeNull();
  });

  it('ignores a typed site on every page of it', () => {
    const site = siteFromInput('https://shop.example/cart')!;
    expect(isSiteIgnored({ ignoredSites: [site] }, 'https://shop.example/pay?x=1')).toBe(true);
  });

  it('knows local addresses', () => {
    for (const url of [
      'http://localhost:3000/',
      'http://127.0.0.1/',
      'http://10.1.2.3/',
      'http://172.20.0.1/',
      'http://192.168.1.1/',
      'http://[::1]:8080/',
      'http://printer.local/',
      'http://app.localhost/',
    ])
      expect(isLocalAddress(url), url).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://172.32.0.1/',
      'http://8.8.8.8/',
      'http://[2001:db8::1]/',
      'nonsense',
    ])
      expect(isLocalAddress(url), url).toBe(false);
  });
});
