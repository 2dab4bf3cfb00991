import { describe, expect, it } from 'vitest';
import { formatBucket, formatDuration, isOne } from './format';

describe('formatting for the options page', () => {
  it('says how long a site took to come back, in each language', () => {
    expect(formatDuration(45_000, 'en')).toBe('45 seconds');
    expect(formatDuration(12 * 60_000 + 20_000, 'en')).toBe('12 minutes');
    expect(formatDuration(2 * 3_600_000, 'en')).toBe('2 hours');
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000, 'en')).toBe('3 hours, 5 minutes');
    // How the two parts are joined is the ICU data's choice, which changes between versions.
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000, 'es')).toMatch(/^3 horas\W.*5 minutos$/);
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000, 'de')).toMatch(/^3 Stunden\W.*5 Minuten$/);
    expect(formatDuration(60_000, 'de')).toBe('1 Minute');
  });

  it('never gives a negative time for a recovery stamped before its failure', () => {
    expect(formatDuration(-5_000, 'en')).toBe('0 seconds');
  });

  it('names a day bar by its date and a month bar by its month', () => {
    const start = new Date(2026, 2, 5).getTime();
    expect(formatBucket(start, 'day', 'en')).toBe('Mar 5');
    expect(formatBucket(start, 'day', 'de')).toBe('5. März');
    expect(formatBucket(new Date(2026, 2, 1).getTime(), 'month', 'es')).toBe('mar 2026');
  });

  it('picks the singular form for one only', () => {
    for (const lang of ['en', 'es', 'de']) {
      expect(isOne(1, lang)).toBe(true);
      expect(isOne(0, lang)).toBe(false);
      expect(isOne(2, lang)).toBe(false);
      expect(isOne(1_000_000, lang)).toBe(false);
    }
  });
});
