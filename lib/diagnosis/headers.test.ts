import { describe, expect, it } from 'vitest';
import { indexHeaders, MAX_HEADER_VALUE_LENGTH, MAX_HEADERS } from './headers';

describe('indexHeaders', () => {
  it('finds headers whatever their casing and keeps duplicates in order', () => {
    const headers = indexHeaders([
      { name: 'Server', value: ' cloudflare ' },
      { name: 'VIA', value: '1.1 varnish' },
      { name: 'via', value: '1.1 vegur' },
    ]);
    expect(headers.get('server')).toBe('cloudflare');
    expect(headers.get('SERVER')).toBe('cloudflare');
    expect(headers.all('Via')).toEqual(['1.1 varnish', '1.1 vegur']);
    expect(headers.has('x-cache')).toBe(false);
    expect([...headers.names()]).toEqual(['server', 'via']);
  });

  it('survives entries a hostile or broken server could produce', () => {
    const headers = indexHeaders([
      { name: '', value: 'x' },
      { name: '  ', value: 'x' },
      { name: 'X-Empty' },
      { name: 'X-Long', value: 'a'.repeat(100_000) },
      null as never,
      { name: 42 as never, value: 'x' },
    ]);
    expect([...headers.names()]).toEqual(['x-empty', 'x-long']);
    expect(headers.get('x-empty')).toBe('');
    expect(headers.get('x-long')).toHaveLength(MAX_HEADER_VALUE_LENGTH);
    expect(indexHeaders(undefined).get('server')).toBeUndefined();
  });

  it('ignores headers past the cap', () => {
    const many = Array.from({ length: MAX_HEADERS + 10 }, (_, i) => ({
      name: `x-${i}`,
      value: 'v',
    }));
    const headers = indexHeaders(many);
    expect(headers.has(`x-${MAX_HEADERS - 1}`)).toBe(true);
    expect(headers.has(`x-${MAX_HEADERS}`)).toBe(false);
  });
});
