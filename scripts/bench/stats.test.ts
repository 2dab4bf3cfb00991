import { describe, expect, it } from 'vitest';
import { median, percentile } from './stats';

describe('median', () => {
  it('is the middle sample of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('is the mean of the two middle samples of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses no samples and samples that are not numbers', () => {
    expect(() => median([])).toThrow('No samples');
    expect(() => median([1, Number.NaN])).toThrow('not a finite number');
  });
});

describe('percentile', () => {
  const oneToTwenty = Array.from({ length: 20 }, (_, i) => 20 - i);

  it('takes the nearest rank: the 95th of 20 samples is the 19th smallest', () => {
    expect(percentile(oneToTwenty, 95)).toBe(19);
  });

  it('gives the largest sample at 100 and the smallest for a tiny percentile', () => {
    expect(percentile(oneToTwenty, 100)).toBe(20);
    expect(percentile(oneToTwenty, 1)).toBe(1);
  });

  it('is the median’s rank at 50 for an odd count', () => {
    expect(percentile([30, 10, 20], 50)).toBe(20);
  });

  it('refuses a percentile outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow('above 0');
    expect(() => percentile([1], 101)).toThrow('at most 100');
  });
});
