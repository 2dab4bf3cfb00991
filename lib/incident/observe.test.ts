import { describe, expect, it } from 'vitest';
import {
  MAX_STORED_HEADER_BYTES,
  MAX_STORED_HEADERS,
  MAX_STORED_HEADER_VALUE,
  MAX_STORED_URL,
  observe,
  sameDocument,
} from './observe';

const base = {
  url: 'https://shop.example/cart?id=1',
  method: 'GET',
  statusCode: 502,
  statusLine: 'HTTP/1.1 502 Bad Gateway',
  type: 'main_frame',
  timeStamp: 1_700_000_000_000,
};

describe('observe', () => {
  it('keeps what the diagnosis needs from a webRequest completion', () => {
    const observation = observe({
      ...base,
      ip: '203.0.113.7',
      responseHeaders: [{ name: 'Server', value: 'nginx' }],
    });
    expect(observation).toEqual({
      url: 'https://shop.example/cart?id=1',
      method: 'GET',
      statusCode: 502,
      statusLine: 'HTTP/1.1 502 Bad Gateway',
      headers: [{ name: 'Server', value: 'nginx' }],
      frame: 'main_frame',
      ip: '203.0.113.7',
      time: 1_700_000_000_000,
    });
  });

  it('bounds what a hostile server sends before it reaches storage', () => {
    const observation = observe({
      ...base,
      url: `https://x.example/${'a'.repeat(10_000)}`,
      responseHeaders: Array.from({ length: 1000 }, () => ({
        name: 'X-Big',
        value: 'v'.repeat(10_000),
      })),
    });
    expect(observation.url).toHaveLength(MAX_STORED_URL);
    expect(observation.headers[0]?.value).toHaveLength(MAX_STORED_HEADER_VALUE);
    expect(JSON.stringify(observation.headers).length).toBeLessThanOrEqual(
      MAX_STORED_HEADER_BYTES + observation.headers.length + 1,
    );
    const many = observe({
      ...base,
      responseHeaders: Array.from({ length: 1000 }, (_, i) => ({ name: 'X-N', value: `${i}` })),
    });
    expect(many.headers).toHaveLength(MAX_STORED_HEADERS);
  });

  it('keeps the short headers that name a gateway after a long one that does not fit', () => {
    const observation = observe({
      ...base,
      statusLine: `HTTP/1.1 502 ${'\u0001'.repeat(10_000)}`,
      method: 'M'.repeat(10_000),
      responseHeaders: [
        ...Array.from({ length: 4 }, () => ({
          name: 'Content-Security-Policy',
          value: "default-src 'self' ".repeat(60),
        })),
        { name: 'Server', value: 'cloudflare' },
        { name: 'CF-RAY', value: '8f1e2d3c4b5a6978-FRA' },
      ],
    });
    expect(observation.headers.slice(-2)).toEqual([
      { name: 'Server', value: 'cloudflare' },
      { name: 'CF-RAY', value: '8f1e2d3c4b5a6978-FRA' },
    ]);
    expect(observation.headers.length).toBeLessThan(6);
    expect(observation.statusLine?.startsWith('HTTP/1.1 502 ')).toBe(true);
    expect(observation.statusLine!.length).toBeLessThan(1_000);
    expect(observation.method.length).toBeLessThan(100);
  });

  it('names the frame kinds it distinguishes and folds the rest into other', () => {
    expect(observe({ ...base, type: 'sub_frame' }).frame).toBe('sub_frame');
    expect(observe({ ...base, type: 'xmlhttprequest' }).frame).toBe('xmlhttprequest');
    expect(observe({ ...base, type: 'image' }).frame).toBe('other');
  });
});

describe('sameDocument', () => {
  it('ignores the fragment but nothing else', () => {
    expect(sameDocument('https://a.example/p#top', 'https://a.example/p')).toBe(true);
    expect(sameDocument('https://a.example/p?x=1', 'https://a.example/p')).toBe(false);
    expect(sameDocument(undefined, 'https://a.example/p')).toBe(false);
  });

  it('matches an address longer than a record keeps to the record made of it', () => {
    const long = `https://a.example/p?state=${'s'.repeat(20_000)}`;
    const stored = observe({ ...base, url: long }).url;
    expect(stored.length).toBeLessThan(long.length);
    expect(sameDocument(`${long}#top`, stored)).toBe(true);
    expect(sameDocument(`https://a.example/q?state=${'s'.repeat(20_000)}`, stored)).toBe(false);
  });
});
