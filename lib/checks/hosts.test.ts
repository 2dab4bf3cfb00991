import { describe, expect, it } from 'vitest';
import { isIpHost, isSelfOrParent, webHostOf } from './hosts';

describe('isIpHost', () => {
  it.each(['127.0.0.1', '10.0.0.255', '[::1]', '[2001:db8::1]'])('knows %s is an address', (host) =>
    expect(isIpHost(host)).toBe(true),
  );
  it.each(['example.com', 'localhost', '1.example.com', '1.2.3.com', 'xn--bcher-kva.example'])(
    'knows %s is a name',
    (host) => expect(isIpHost(host)).toBe(false),
  );
  it('agrees with the URL parser, which rewrites other IPv4 forms to dotted decimal', () => {
    expect(isIpHost(new URL('http://0x7f.1/').hostname)).toBe(true);
  });
});

describe('webHostOf', () => {
  it('reads the host of web pages only', () => {
    expect(webHostOf('https://Shop.Example.com:8443/a?b#c')).toBe('shop.example.com');
    expect(webHostOf('moz-extension://abc/popup.html')).toBeUndefined();
    expect(webHostOf('garbage')).toBeUndefined();
  });
});

describe('isSelfOrParent', () => {
  it('accepts the host and its parents on a label boundary only', () => {
    expect(isSelfOrParent('shop.example.com', 'example.com')).toBe(true);
    expect(isSelfOrParent('shop.example.com', 'shop.example.com')).toBe(true);
    expect(isSelfOrParent('shop.example.com', 'ple.com')).toBe(false);
    expect(isSelfOrParent('shop.example.com', 'evil.com')).toBe(false);
    expect(isSelfOrParent('shop.example.com', '')).toBe(false);
  });
});
