import { describe, expect, it } from 'vitest';
import { cookieHosts, siteDataPlan } from './site-data';

describe('siteDataPlan', () => {
  it('asks Chrome for the origin: cookies (domain-wide, Chrome’s rule), storage and the cache', () => {
    expect(siteDataPlan('https://shop.example.com/cart?item=3#pay', 'chrome')).toEqual({
      browser: 'chrome',
      host: 'shop.example.com',
      origin: 'https://shop.example.com',
      removals: [
        {
          options: { origins: ['https://shop.example.com'] },
          dataTypes: {
            cache: true,
            cacheStorage: true,
            cookies: true,
            fileSystems: true,
            indexedDB: true,
            localStorage: true,
            serviceWorkers: true,
          },
        },
      ],
    });
  });

  it('asks Firefox for the cookies of the host and its parents, and the storage of the host with its port, never the cache', () => {
    const plan = siteDataPlan('http://shop.example.co.uk:8080/', 'firefox');
    expect(plan?.removals).toEqual([
      {
        options: { hostnames: ['shop.example.co.uk', 'example.co.uk', 'co.uk'] },
        dataTypes: { cookies: true },
      },
      {
        options: { hostnames: ['shop.example.co.uk:8080'] },
        dataTypes: { indexedDB: true, localStorage: true, serviceWorkers: true },
      },
    ]);
    expect(plan?.removals.some((removal) => 'cache' in removal.dataTypes)).toBe(false);
  });

  it('keeps the origin’s port for Chrome, where storage is per origin', () => {
    expect(siteDataPlan('http://127.0.0.1:8787/x', 'chrome')?.removals[0]?.options).toEqual({
      origins: ['http://127.0.0.1:8787'],
    });
  });

  it.each(['about:blank', 'file:///etc/hosts', 'chrome://settings', 'not a url', ''])(
    'has nothing to clear for %j',
    (url) => {
      expect(siteDataPlan(url, 'chrome')).toBeNull();
      expect(siteDataPlan(url, 'firefox')).toBeNull();
    },
  );
});

describe('cookieHosts', () => {
  it('lists the host and every parent domain but the top-level one', () => {
    expect(cookieHosts('a.b.example.com')).toEqual([
      'a.b.example.com',
      'b.example.com',
      'example.com',
    ]);
  });

  it('lists an address or a single-label name alone', () => {
    expect(cookieHosts('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(cookieHosts('[::1]')).toEqual(['[::1]']);
    expect(cookieHosts('localhost')).toEqual(['localhost']);
  });
});
