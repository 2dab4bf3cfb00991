import { describe, expect, it } from 'vitest';
import { compareAddresses } from './addresses';

describe('compareAddresses', () => {
  it('finds the failed request’s address among the fresh ones', () => {
    expect(compareAddresses('203.0.113.5', ['198.51.100.7', '203.0.113.5'])).toBe('same');
    expect(compareAddresses('2001:DB8::1', ['2001:db8::1'])).toBe('same');
    expect(compareAddresses('[2001:db8::1]', ['2001:db8::1'])).toBe('same');
  });

  it('says the address changed when the name now points elsewhere', () => {
    expect(compareAddresses('203.0.113.5', ['198.51.100.7'])).toBe('changed');
    expect(compareAddresses('203.0.113.5', [])).toBe('changed');
  });

  it('has nothing to compare when the failed request’s address was not recorded', () => {
    expect(compareAddresses(undefined, ['198.51.100.7'])).toBe('not-recorded');
    expect(compareAddresses('', ['198.51.100.7'])).toBe('not-recorded');
  });
});
