import { storage } from '#imports';
import type { TabIncident } from '../incident/tab-incident';

/** One storage.session key per tab, so tabs never race each other. */
const keyOf = (tabId: number) => `session:tab:${tabId}` as const;

/** Closed tabs remembered, the oldest forgotten first: tab ids are never reused while the browser runs. */
const MAX_CLOSED_TABS = 1000;
/** Records kept in memory, for the tabs last read from storage or written to it: the few being handled now. */
const MAX_RECENT_RECORDS = 32;

export type IncidentUpdate = (current: TabIncident | null) => TabIncident | null;

/**
 * Each tab's incident in storage.session. Updates to one tab are applied in order and batched: every update queued
 * while a write is in flight, or while the first of them waits for company (`within`), is applied to one read and
 * written once, and no update is lost to a concurrent read-modify-write.
 *
 * Only the background writes these records, through this object, so it can remember what it read and wrote:
 * - which tabs have no record: most tabs show healthy pages, and each of their navigations (a record cleared, a
 *   completed tab looked up) then costs no storage call at all;
 * - the records of the last few tabs it handled: showing a failed page reads its record four times within a few
 *   milliseconds (the tab refreshed, the page claimed, the panel's question), each a round trip of 2-5 ms without.
 * The memory is a cache of storage, lost with the worker and rebuilt by the first read.
 */
export function createTabIncidents(area = storage) {
  const closed = new Set<number>();
  const withoutRecord = new Set<number>();
  const recent = new Map<number, TabIncident>();
  /** Counts writes and removals, of any tab: a read or write that one overlapped cannot tell what storage holds. */
  let writes = 0;

  function forget(tabId: number) {
    withoutRecord.delete(tabId);
    recent.delete(tabId);
  }

  function remember(tabId: number, incident: TabIncident | null) {
    forget(tabId);
    if (!incident) return void withoutRecord.add(tabId);
    recent.set(tabId, incident);
    if (recent.size > MAX_RECENT_RECORDS) recent.delete(recent.keys().next().value as number);
  }

  async function read(tabId: number): Promise<TabIncident | null> {
    if (withoutRecord.has(tabId)) return null;
    const known = recent.get(tabId);
    if (known) return known;
    const before = writes;
    const stored = await area.getItem<TabIncident>(keyOf(tabId));
    if (writes === before) remember(tabId, stored);
    return stored;
  }

  async function write(tabId: number, incident: TabIncident): Promise<void> {
    const mine = (writes += 1);
    forget(tabId);
    await area.setItem(keyOf(tabId), incident);
    if (writes === mine && !closed.has(tabId)) remember(tabId, incident);
  }

  async function remove(tabId: number): Promise<void> {
    const mine = (writes += 1);
    forget(tabId);
    await area.removeItem(keyOf(tabId));
    if (writes === mine && !closed.has(tabId)) remember(tabId, null);
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
 * Calls `listener` whenever the background writes or removes the tab's record, until the returned function is called.
 * Apart from the object above, which only the background needs.
 */
export const watchTabIncident = (tabId: number, listener: () => void, area = storage) =>
  area.watch<TabIncident>(keyOf(tabId), () => listener());

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
