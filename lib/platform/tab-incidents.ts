import { storage } from '#imports';
import type { TabIncident } from '../incident/tab-incident';

/** One storage.session key per tab, so tabs never race each other. */
const keyOf = (tabId: number) => `session:tab:${tabId}` as const;

/** Closed tabs remembered, the oldest forgotten first: tab ids are never reused while the browser runs. */
const MAX_CLOSED_TABS = 1000;

export type IncidentUpdate = (current: TabIncident | null) => TabIncident | null;

/**
 * Each tab's incident in storage.session. Updates to one tab are applied in order and batched: every update queued
 * while a write is in flight, or while the first of them waits for company (`within`), is applied to one read and
 * written once, and no update is lost to a concurrent read-modify-write.
 *
 * Only the background writes these records, through this object, so it can remember which tabs have none: most tabs
 * show healthy pages, and each of their navigations (a record cleared, a completed tab looked up) then costs no
 * storage call at all. The memory is a cache of storage, lost with the worker and rebuilt by the first read.
 */
export function createTabIncidents(area = storage) {
  const closed = new Set<number>();
  const withoutRecord = new Set<number>();
  /** Counts writes and removals, of any tab: a read that one overlapped cannot tell that a tab has no record. */
  let writes = 0;

  async function read(tabId: number): Promise<TabIncident | null> {
    if (withoutRecord.has(tabId)) return null;
    const before = writes;
    const stored = await area.getItem<TabIncident>(keyOf(tabId));
    if (stored === null && writes === before) withoutRecord.add(tabId);
    return stored;
  }

  async function write(tabId: number, incident: TabIncident): Promise<void> {
    writes += 1;
    withoutRecord.delete(tabId);
    await area.setItem(keyOf(tabId), incident);
  }

  async function remove(tabId: number): Promise<void> {
    const mine = (writes += 1);
    withoutRecord.delete(tabId);
    await area.removeItem(keyOf(tabId));
    if (writes === mine && !closed.has(tabId)) withoutRecord.add(tabId);
  }

  const queues = new Map<
    number,
    {
      updates: IncidentUpdate[];
      done: Promise<TabIncident | null>;
      /** Ends the wait for company: the batch is written as soon as the write before it is done. */
      writeNow: () => void;
    }
  >();
  const inFlight = new Map<number, Promise<unknown>>();

  async function flush(tabId: number, company: Promise<void>): Promise<TabIncident | null> {
    await inFlight.get(tabId);
    await company;
    const batch = queues.get(tabId);
    queues.delete(tabId);
    const stored = await read(tabId);
    let incident = stored;
    for (const update of batch?.updates ?? []) incident = update(incident);
    if (closed.has(tabId)) incident = null;
    // Nothing to write when nothing changed: updates that change nothing hand back the record they were given (a
    // claim of a record already shown, the completion of a page already recorded), and every healthy page load
    // clears its tab's record, which most tabs do not have.
    if (incident === stored) return incident;
    if (incident) await write(tabId, incident);
    else await remove(tabId);
    return incident;
  }

  return {
    get: read,
    /**
     * Applies `update` to the tab's record (null removes it) and resolves with the record as written. `within`: how
     * long, in milliseconds, this update may wait for others to share its write. Failing parts of a page (its own
     * calls) come by the thousand and wait; an update without it is written at once, taking waiting ones along.
     */
    update(
      tabId: number,
      update: IncidentUpdate,
      { within = 0 }: { within?: number } = {},
    ): Promise<TabIncident | null> {
      if (closed.has(tabId)) return Promise.resolve(null);
      const queued = queues.get(tabId);
      if (queued) {
        queued.updates.push(update);
        if (within === 0) queued.writeNow();
        return queued.done;
      }
      let writeNow = () => {};
      // A timer of a fraction of a second, not an alarm: the event that asked for it keeps the worker alive longer.
      const company =
        within > 0
          ? new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, within);
              writeNow = () => {
                clearTimeout(timer);
                resolve();
              };
            })
          : Promise.resolve();
      const done = flush(tabId, company);
      queues.set(tabId, { updates: [update], done, writeNow: () => writeNow() });
      const settled = done.catch(() => undefined);
      inFlight.set(tabId, settled);
      void settled.then(() => {
        if (inFlight.get(tabId) === settled) inFlight.delete(tabId);
      });
      return done;
    },
    remove,
    /** Calls `listener` whenever the tab's record is written or removed, until the returned function is called. */
    watch: (tabId: number, listener: () => void) =>
      area.watch<TabIncident>(keyOf(tabId), () => listener()),
    /**
     * The tab is gone (closed, or replaced by another): its record goes, and an event of it still being handled
     * cannot bring the record back, as one that was read before the tab closed and written after it otherwise would.
     */
    tabClosed(tabId: number): Promise<void> {
      closed.add(tabId);
      if (closed.size > MAX_CLOSED_TABS) closed.delete(closed.values().next().value as number);
      return remove(tabId);
    },
  };
}

export const tabIncidents = createTabIncidents();
export type TabIncidents = ReturnType<typeof createTabIncidents>;

/**
 * Every tab's record, read at once: for the worker's start, when no event may come for a tab. Apart from the object
 * above, so pages that only read one tab's record do not carry it.
 */
export async function allTabIncidents(area = storage): Promise<Map<number, TabIncident>> {
  const records = new Map<number, TabIncident>();
  for (const [key, value] of Object.entries(await area.snapshot('session'))) {
    // A snapshot's keys come without the area's prefix; only the key keyOf gives a tab is that tab's record.
    const tabId = Number(key.slice(key.lastIndexOf(':') + 1));
    if (`session:${key}` === keyOf(tabId) && value) records.set(tabId, value as TabIncident);
  }
  return records;
}
