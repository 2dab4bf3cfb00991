import { describe, expect, it } from 'vitest';
import { isServerFailure } from './classify';

describe('isServerFailure', () => {
  it.each([500, 502, 503, 504, 520, 530, 599])('%i is a server failure', (status) => {
    expect(isServerFailure(status)).toBe(true);
  });

  it.each([0, 200, 204, 301, 304, 403, 404, 429, 499, 600, Number.NaN])('%s is not', (status) => {
    expect(isServerFailure(status)).toBe(false);
  });
});
