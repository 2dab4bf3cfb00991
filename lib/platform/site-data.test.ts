import { describe, expect, it, vi } from 'vitest';
import { siteDataPlan } from '../checks/site-data';
import { removeSiteData } from './site-data';

describe('removeSiteData', () => {
  it('makes the plan’s calls in order', async () => {
    const remove = vi.fn(async () => undefined);
    const plan = siteDataPlan('https://shop.example.com/', 'firefox')!;
    await removeSiteData(plan, { remove });
    expect(remove.mock.calls).toEqual(plan.removals.map((r) => [r.options, r.dataTypes]));
  });

  it('passes on what the browser refused', async () => {
    const remove = vi.fn(async () => Promise.reject(new Error('refused')));
    await expect(
      removeSiteData(siteDataPlan('https://shop.example.com/', 'chrome')!, { remove }),
    ).rejects.toThrow('refused');
  });
});
