import { browser } from 'wxt/browser';
import type { SiteDataPlan, SiteDataRemoval } from '../checks/site-data';

/** browsingData.remove, as far as a site's data goes (the polyfill's types predate `origins`). */
interface BrowsingData {
  remove(
    options: SiteDataRemoval['options'],
    dataTypes: SiteDataRemoval['dataTypes'],
  ): Promise<void>;
}

/** Removes what the plan says, call by call; the browser rejects what it cannot do, and that is reported. */
export async function removeSiteData(
  plan: SiteDataPlan,
  browsingData: BrowsingData = browser.browsingData as unknown as BrowsingData,
): Promise<void> {
  for (const { options, dataTypes } of plan.removals) await browsingData.remove(options, dataTypes);
}
