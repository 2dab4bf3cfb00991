import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import type { CheckProgress } from '../checks/results';
import { createCheckProgress } from './check-progress';

const progress: CheckProgress = {
  url: 'https://shop.example/cart',
  lastFailure: 1_000,
  results: { reload: { time: 2_000 } },
};

describe('checkProgress', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps each tab’s progress apart, in session storage', async () => {
    const store = createCheckProgress(storage);
    await store.set(3, progress);
    expect(await store.get(3)).toEqual(progress);
    expect(await store.get(4)).toBeNull();
    expect(await storage.getItem('session:checks:3')).toEqual(progress);
    await store.remove(3);
    expect(await store.get(3)).toBeNull();
  });

  it('reads anything that is not a progress record as none', async () => {
    const store = createCheckProgress(storage);
    for (const stored of [
      'x',
      { url: 5 },
      { url: 'a', lastFailure: 'b', results: {} },
      { url: 'a', lastFailure: 1 },
    ]) {
      await storage.setItem('session:checks:3', stored);
      expect(await store.get(3)).toBeNull();
    }
  });
});
