import { describe, expect, it } from 'vitest';
import { progressFor, triedSteps, type ProgressRecord } from './progress';

const MINUTE = 60_000;
const stored: ProgressRecord<{ retried: boolean }> = {
  url: 'https://shop.example.com/cart',
  lastFailure: 1_000_000,
  results: { retried: true },
};

describe('progressFor', () => {
  it('goes on with the same page failing again soon after (a reload, a retry)', () => {
    const next = progressFor(
      stored,
      { url: 'https://shop.example.com/cart#top', time: 1_000_000 + 3 * MINUTE },
      { retried: false },
    );
    expect(next).toEqual({ ...stored, lastFailure: 1_000_000 + 3 * MINUTE });
  });

  it('starts afresh for another page, the same page much later, or an older failure', () => {
    const empty = { retried: false };
    for (const failure of [
      { url: 'https://shop.example.com/other', time: 1_000_000 + MINUTE },
      { url: stored.url, time: 1_000_000 + 11 * MINUTE },
      { url: stored.url, time: 1_000_000 - MINUTE },
    ]) {
      expect(progressFor(stored, failure, empty)).toEqual({
        url: failure.url,
        lastFailure: failure.time,
        results: empty,
      });
    }
    expect(progressFor(null, { url: stored.url, time: 5 }, empty).results).toBe(empty);
  });
});

describe('triedSteps', () => {
  it('names the visitor steps the checks did, in the guidance’s words', () => {
    expect(triedSteps(new Set(['clear', 'retry'] as const))).toEqual([
      'wait-retry',
      'clear-site-data',
    ]);
    expect(triedSteps(new Set())).toEqual([]);
  });
});
