import { storage } from '#imports';
import type { TabIncident } from '../incident/tab-incident';

/** One storage.session key per tab, so tabs never race each other. */
const keyOf = (tabId: number) => `session:tab:${tabId}` as const;

/** Closed tabs remembered, the oldest forgotten first: tab ids are never reused while the browser runs. */
const MAX_CLOSED_TABS = 1000;

export type IncidentUpdate = (current: TabIncident | null) => TabIncident | null;

/**
 * Each tab's incident in storage.session. Updates to one tab are applied in order and batched: every update queued
 * while a write is in flight is applied to one read and written once, so a page whose API calls fail a thousand times
 * costs a handful of writes, and no update is lost to a concurrent read-modify-write.
 */
export function createTabIncidents(area = storage) {
  const closed = new Set<number>();
  const queues = new Map<
    number,
    { updates: IncidentUpdate[]; done: Promise<TabIncident | null> }
  >();
  const inFlight = new Map<number, Promise<unknown>>();

  async function flush(tabId: number): Promise<TabIncident | null> {
    await inFlight.get(tabId);
    const batch = queues.get(tabId);
    queues.delete(tabId);
    let incident = await area.getItem<TabIncident>(keyOf(tabId));
    for (const update of batch?.updates ?? []) incident = update(incident);
    if (closed.has(tabId)) incident = null;
    if (incident) await area.setItem(keyOf(tabId), incident);
    else await area.removeItem(keyOf(tabId));
    return incident;
  }

  return {
    get: (tabId: number) => area.getItem<TabIncident>(keyOf(tabId)),
    /** Applies `update` to the tab's record (null removes it) and resolves with the record as written. */
    update(tabId: number, update: IncidentUpdate): Promise<TabIncident | null> {
      if (closed.has(tabId)) return Promise.resolve(null);
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
    /**
     * The tab is gone (closed, or replaced by another): its record goes, and an event of it still being handled
     * cannot bring the record back, as one that was read before the tab closed and written after it otherwise would.
     */
    tabClosed(tabId: number): Promise<void> {
      closed.add(tabId);
      if (closed.size > MAX_CLOSED_TABS) closed.delete(closed.values().next().value as number);
      return area.removeItem(keyOf(tabId));
    },
  };
}

export const tabIncidents = createTabIncidents();
export type TabIncidents = ReturnType<typeof createTabIncidents>;
