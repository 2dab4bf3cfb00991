/**
 * What the history view can say about the stored history, beyond the entries it shows: storage.local can hold a value
 * from an older build, one edited by hand, or a damaged one, and the visitor should hear what could not be read
 * rather than see entries silently vanish.
 */
import { isHistoryEntry, MAX_HISTORY, normalizeHistory, type HistoryEntry } from './history';

export interface HistoryReading {
  /** The entries kept, exactly as the background reads them (normalizeHistory). */
  readonly entries: readonly HistoryEntry[];
  /** The stored value is not a list at all, so nothing in it could be read. */
  readonly damaged: boolean;
  /** Stored items that are not well-formed entries, and so are not shown. */
  readonly malformed: number;
  /** Well-formed entries beyond the newest MAX_HISTORY, which the history no longer keeps. */
  readonly overLimit: number;
}

export function readHistory(stored: unknown): HistoryReading {
  const entries = normalizeHistory(stored);
  if (!Array.isArray(stored))
    return { entries, damaged: stored != null, malformed: 0, overLimit: 0 };
  const wellFormed = stored.filter(isHistoryEntry).length;
  return {
    entries,
    damaged: false,
    malformed: stored.length - wellFormed,
    overLimit: Math.max(0, wellFormed - MAX_HISTORY),
  };
}
