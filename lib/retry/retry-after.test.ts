import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_RETRY_AFTER_SECONDS,
  MIN_RETRY_AFTER_SECONDS,
  parseHttpDate,
  parseRetryAfter,
} from './retry-after';

// The instant RFC 9110 §5.6.7 uses in its three date examples: Sun, 06 Nov 1994 08:49:37 GMT.
const RFC_EXAMPLE_INSTANT = Date.UTC(1994, 10, 6, 8, 49, 37);
const A_MINUTE_BEFORE = RFC_EXAMPLE_INSTANT - 60_000;

describe('parseRetryAfter', () => {
  it('reads delay-seconds (RFC 9110 §10.2.3 example: 120)', () => {
    expect(parseRetryAfter('120', A_MINUTE_BEFORE)).toEqual({
      seconds: 120,
      at: A_MINUTE_BEFORE + 120_000,
    });
  });

  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['obsolete RFC 850 date', 'Sunday, 06-Nov-94 08:49:37 GMT'],
    ['obsolete asctime date', 'Sun Nov  6 08:49:37 1994'],
  ])('reads an HTTP-date in %s form', (_, value) => {
    expect(parseRetryAfter(value, A_MINUTE_BEFORE)).toEqual({
      seconds: 60,
      at: RFC_EXAMPLE_INSTANT,
    });
  });

  it('tolerates surrounding whitespace, which header parsing may leave', () => {
    expect(parseRetryAfter('  30 ', 0)?.seconds).toBe(30);
  });

  it('clamps a zero delay and a date in the past up to one second', () => {
    expect(parseRetryAfter('0', 1000)).toEqual({ seconds: MIN_RETRY_AFTER_SECONDS, at: 2000 });
    expect(parseRetryAfter('Fri, 31 Dec 1999 23:59:59 GMT', Date.UTC(2026, 0, 1))?.seconds).toBe(1);
  });

  it('clamps absurdly long waits to one day', () => {
    expect(parseRetryAfter('31536000', 0)?.seconds).toBe(MAX_RETRY_AFTER_SECONDS);
    expect(parseRetryAfter('99999999999999999999', 0)?.seconds).toBe(MAX_RETRY_AFTER_SECONDS);
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', 0)?.seconds).toBe(
      MAX_RETRY_AFTER_SECONDS,
    );
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['negative', '-5'],
    ['fractional', '1.5'],
    ['a word', 'soon'],
    ['a unit', '120s'],
    ['two values', '120, 60'],
    ['an invalid day', 'Sun, 31 Feb 2026 08:49:37 GMT'],
    ['an invalid hour', 'Sun, 06 Nov 1994 25:49:37 GMT'],
    ['an unknown month', 'Sun, 06 Foo 1994 08:49:37 GMT'],
    ['a local time zone', 'Sun, 06 Nov 1994 08:49:37 CET'],
    ['an overlong value', '1'.repeat(100)],
  ])('ignores a value that is %s', (_, value) => {
    expect(parseRetryAfter(value, A_MINUTE_BEFORE)).toBeNull();
  });

  it('ignores everything when the clock itself is not a number', () => {
    expect(parseRetryAfter('120', Number.NaN)).toBeNull();
  });

  it('never throws, and every answer is within the bounds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer(), (value, now) => {
        const result = parseRetryAfter(value, now);
        if (result === null) return;
        expect(result.seconds).toBeGreaterThanOrEqual(MIN_RETRY_AFTER_SECONDS);
        expect(result.seconds).toBeLessThanOrEqual(MAX_RETRY_AFTER_SECONDS);
        expect(result.at).toBe(now + result.seconds * 1000);
      }),
    );
  });
});

describe('parseHttpDate', () => {
  it('reads a two-digit year more than 50 years ahead as the past century (RFC 9110 §5.6.7)', () => {
    const in2026 = Date.UTC(2026, 5, 1);
    expect(parseHttpDate('Monday, 01-Jan-80 00:00:00 GMT', in2026)).toBe(Date.UTC(1980, 0, 1));
    expect(parseHttpDate('Friday, 01-Jan-60 00:00:00 GMT', in2026)).toBe(Date.UTC(2060, 0, 1));
  });
});
