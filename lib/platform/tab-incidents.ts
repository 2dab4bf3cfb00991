import { storage } from '#imports';
import type { TabIncident } from '../incident/tab-incident';

/** One storage.session key per tab, so tabs never race each other in a read-modify-write. */
const keyOf = (tabId: number) => `session:tab:${tabId}` as const;

export const tabIncidents = {
  get: (tabId: number) => storage.getItem<TabIncident>(keyOf(tabId)),
  set: (tabId: number, incident: TabIncident) => storage.setItem(keyOf(tabId), incident),
  remove: (tabId: number) => storage.removeItem(keyOf(tabId)),
};

export type TabIncidents = typeof tabIncidents;
