import type { HistoryEntry } from './history';

/** What the history view narrows to: one site (its origin, so full-URL entries group by site) and one status. */
export interface HistoryFilter {
  readonly origin: string | null;
  readonly statusCode: number | null;
}

export const NO_FILTER: HistoryFilter = { origin: null, statusCode: null };

/** The entries the filter lets through, newest first whatever order storage kept them in. */
export function filterHistory(
  entries: readonly HistoryEntry[],
  { origin, statusCode }: HistoryFilter,
): HistoryEntry[] {
  return entries
    .filter(
      (entry) =>
        (origin === null || entry.origin === origin) &&
        (statusCode === null || entry.statusCode === statusCode),
    )
    .sort((a, b) => b.time - a.time);
}

/** The sites and statuses there are to filter by, each once: sites alphabetically, statuses by number. */
export function historyFacets(entries: readonly HistoryEntry[]): {
  origins: string[];
  statusCodes: number[];
} {
  return {
    origins: [...new Set(entries.map((entry) => entry.origin))].sort(),
    statusCodes: [...new Set(entries.map((entry) => entry.statusCode))].sort((a, b) => a - b),
  };
}

/** A filter that still fits the entries: a choice whose last entry was cleared or aged out falls back to all. */
export function fittingFilter(
  filter: HistoryFilter,
  entries: readonly HistoryEntry[],
): HistoryFilter {
  const { origins, statusCodes } = historyFacets(entries);
  return {
    origin: filter.origin !== null && origins.includes(filter.origin) ? filter.origin : null,
    statusCode:
      filter.statusCode !== null && statusCodes.includes(filter.statusCode)
        ? filter.statusCode
        : null,
  };
}
