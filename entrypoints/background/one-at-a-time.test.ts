import { describe, expect, it } from 'vitest';
import { oneAtATimePerTab } from './one-at-a-time';

describe('oneAtATimePerTab', () => {
  it('runs a tab’s task once more after the run in progress, however many calls came meanwhile', async () => {
    const runs: number[] = [];
    let release = () => {};
    const task = oneAtATimePerTab(async (tabId) => {
      runs.push(tabId);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = task(1);
    const later = Array.from({ length: 1000 }, () => task(1));
    const other = task(2);
    release();
    await Promise.all([first, ...later, other]);
    expect(runs.sort()).toEqual([1, 1, 2]);
  });

  it('runs again after a run that failed, and lets callers see the failure of their own run', async () => {
    let calls = 0;
    const task = oneAtATimePerTab(async () => {
      calls += 1;
      if (calls === 1) throw new Error('the tab closed');
    });
    const failed = task(3);
    const retried = task(3);
    await expect(failed).rejects.toThrow('the tab closed');
    await expect(retried).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
