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

/** Adds an incident, newest first; a repeat of an open incident of the same site is folded into it. */
export function withIncident(
  history: readonly HistoryEntry[],
  entry: HistoryEntry,
): HistoryEntry[] {
  const open = history.find(
    (e) =>
      e.site === entry.site &&
      e.recoveredAt === null &&
      entry.time - e.time < SAME_INCIDENT_MS &&
      entry.time >= e.time,
  );
  if (open) return [...history];
  return [entry, ...history].slice(0, MAX_HISTORY);
}

/** Marks the open incidents of an origin as recovered at `time`. */
export function withRecovery(
  history: readonly HistoryEntry[],
  origin: string,
  time: number,
): HistoryEntry[] {
  return history.map((e) =>
    e.origin === origin && e.recoveredAt === null && e.time <= time
      ? { ...e, recoveredAt: time }
      : e,
  );
}

/** Reads stored history defensively: anything that is not a well-formed entry is dropped, the rest kept. */
export function normalizeHistory(stored: unknown): HistoryEntry[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter(
      (e): e is HistoryEntry =>
        typeof e === 'object' &&
        e !== null &&
        Number.isFinite(e.time) &&
        typeof e.site === 'string' &&
        typeof e.origin === 'string' &&
        Number.isInteger(e.statusCode) &&
        (e.gateway === null || typeof e.gateway === 'string') &&
        (e.recoveredAt === null || Number.isFinite(e.recoveredAt)),
    )
    .slice(0, MAX_HISTORY);
}
