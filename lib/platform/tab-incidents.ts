import { storage } from '#imports';
import type { TabIncident } from '../incident/tab-incident';

/** One storage.session key per tab, so tabs never race each other. */
const keyOf = (tabId: number) => `session:tab:${tabId}` as const;

export type IncidentUpdate = (current: TabIncident | null) => TabIncident | null;

/**
 * Each tab's incident in storage.session. Updates to one tab are applied in order and batched: every update queued
 * while a write is in flight is applied to one read and written once, so a page whose API calls fail a thousand times
 * costs a handful of writes, and no update is lost to a concurrent read-modify-write.
 */
export function createTabIncidents(area = storage) {
  const queues = new Map<
    number,
    { updates: IncidentUpdate[]; done: Promise<TabIncident | null> }
  >();
  const inFlight = new Map<number, Promise<unknown>>();

  async function flush(tabId: number): Promise<TabIncident | null> {
    await inFlight.get(tabId);
    const batch = queues.get(tabId);
    queues.delete(tabId);
    const stored = await area.getItem<TabIncident>(keyOf(tabId));
    let incident = stored;
    for (const update of batch?.updates ?? []) incident = update(incident);
    if (incident) await area.setItem(keyOf(tabId), incident);
    // Every healthy page load clears its tab's record, and most tabs have none: no second storage call for them.
    else if (stored !== null) await area.removeItem(keyOf(tabId));
    return incident;
  }

  return {
    get: (tabId: number) => area.getItem<TabIncident>(keyOf(tabId)),
    /** Applies `update` to the tab's record (null removes it) and resolves with the record as written. */
    update(tabId: number, update: IncidentUpdate): Promise<TabIncident | null> {
      const queued = queues.get(tabId);
      if (queued) {
        queued.updates.push(update);
        return queued.done;
      }
      const done = flush(tabId);
      queues.set(tabId, { updates: [update], done });
      const settled = done.catch(() => undefined);
      inFlight.set(tabId, settled);
      void settled.then(() => {
        if (inFlight.get(tabId) === settled) inFlight.delete(tabId);
      });
      return done;
    },
    remove: (tabId: number) => area.removeItem(keyOf(tabId)),
    /** Calls `listener` whenever the tab's record is written or removed, until the returned function is called. */
    watch: (tabId: number, listener: () => void) =>
      area.watch<TabIncident>(keyOf(tabId), () => listener()),
  };
}

export const tabIncidents = createTabIncidents();
export type TabIncidents = ReturnType<typeof createTabIncidents>;
