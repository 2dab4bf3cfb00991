import { describe, expect, it } from 'vitest';
import { cookieDomainOf, siteDomainOf } from './domains';

describe('registrable domains', () => {
  it('cuts at the public suffix', () => {
    expect(siteDomainOf('shop.example.com')).toBe('example.com');
    expect(siteDomainOf('a.b.example.co.uk')).toBe('example.co.uk');
    expect(cookieDomainOf('a.b.example.co.uk')).toBe('example.co.uk');
  });

  it('counts private suffixes for cookies, as Chrome does, but not for the status page', () => {
    expect(cookieDomainOf('user.github.io')).toBe('user.github.io');
    expect(siteDomainOf('user.github.io')).toBe('github.io');
  });

  it('treats an unlisted top-level domain, such as the lab’s .test, as a suffix', () => {
    expect(siteDomainOf('shop.gdlab.test')).toBe('gdlab.test');
  });

  it('has no domain for addresses and bare names', () => {
    expect(siteDomainOf('127.0.0.1')).toBeNull();
    expect(cookieDomainOf('localhost')).toBeNull();
  });
});
