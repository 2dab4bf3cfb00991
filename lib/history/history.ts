/**
 * The local history of incidents: what failed, when, behind which gateway, and how long until it recovered. Kept in
 * storage.local, never sent anywhere; bounded by count and by the size of each entry; off, origin-only (the default)
 * or full URL without the query string, as the user chooses.
 */
import type { HistoryMode } from '../settings/settings';

export interface HistoryEntry {
  /** Epoch ms of the failure; with `site`, identifies the entry. */
  readonly time: number;
  /** `https://shop.example`, or the URL without query and fragment in full mode. */
  readonly site: string;
  readonly origin: string;
  readonly statusCode: number;
  /** Brand name of the gateway closest to the site's server, when one was identified. */
  readonly gateway: string | null;
  readonly recoveredAt: number | null;
}

export const MAX_HISTORY = 200;
const MAX_SITE_LENGTH = 512;
/** A failure of the same site within this long is the same incident seen again (a reload, a retry). */
export const SAME_INCIDENT_MS = 10 * 60_000;

export function siteFor(
  url: string,
  mode: Exclude<HistoryMode, 'off'>,
): { site: string; origin: string } | null {
  try {
    const parsed = new URL(url);
    if (!/^https?:$/.test(parsed.protocol)) return null;
    const site = mode === 'full' ? `${parsed.origin}${parsed.pathname}` : parsed.origin;
    return { site: site.slice(0, MAX_SITE_LENGTH), origin: parsed.origin };
  } catch {
    return null;
  }
}

/**
 * Adds an incident, newest first; a repeat of an open incident of the same site is folded into it. One the history
 * could not read back (a time no Date holds) is not written.
 */
export function withIncident(
  history: readonly HistoryEntry[],
  entry: HistoryEntry,
): HistoryEntry[] {
  if (!isHistoryEntry(entry)) return [...history];
  const open = history.find(
    (e) =>
      e.site === entry.site &&
      e.recoveredAt === null &&
      Math.abs(entry.time - e.time) < SAME_INCIDENT_MS,
  );
  if (!open) return [entry, ...history].slice(0, MAX_HISTORY);
  // Tabs of one site that fail together are recorded in whatever order their pages complete: the incident began
  // with the earliest failure, whichever came in first.
  return history.map((e) => (e === open && entry.time < e.time ? { ...e, time: entry.time } : e));
}

/** Marks the open incidents of an origin as recovered at `time` (a time no Date holds marks nothing). */
export function withRecovery(
  history: readonly HistoryEntry[],
  origin: string,
  time: number,
): HistoryEntry[] {
  return history.map((e) =>
    isTime(time) && e.origin === origin && e.recoveredAt === null && e.time <= time
      ? { ...e, recoveredAt: time }
      : e,
  );
}

/** The range of times a Date can hold: ±100,000,000 days around 1970 (ECMA-262, "Time Values and Time Range"). */
const MAX_TIME = 8.64e15;
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Math.abs(value) <= MAX_TIME;

/** A stored entry as the history writes it; anything else (an older shape, hand edits, damage) is not one. */
export function isHistoryEntry(e: unknown): e is HistoryEntry {
  const entry = e as Partial<Record<keyof HistoryEntry, unknown>> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    isTime(entry.time) &&
    typeof entry.site === 'string' &&
    typeof entry.origin === 'string' &&
    Number.isInteger(entry.statusCode) &&
    (entry.gateway === null || typeof entry.gateway === 'string') &&
    (entry.recoveredAt === null || isTime(entry.recoveredAt))
  );
}

/** Reads stored history defensively: anything that is not a well-formed entry is dropped, the rest kept. */
export function normalizeHistory(stored: unknown): HistoryEntry[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(isHistoryEntry).slice(0, MAX_HISTORY);
}
