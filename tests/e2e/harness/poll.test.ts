import { describe, expect, it } from 'vitest';
import { forEachAtOnce } from './poll';

describe('forEachAtOnce', () => {
  it('runs every item once, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await forEachAtOnce([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, item % 3));
      done.push(item);
      running -= 1;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('fails with the first failure', async () => {
    await expect(
      forEachAtOnce(['a', 'b'], 2, async (item) => {
        if (item === 'b') throw new Error('b failed');
      }),
    ).rejects.toThrow('b failed');
  });
});
