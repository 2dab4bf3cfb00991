import { storage } from '#imports';
import { normalizeHistory, type HistoryEntry } from '../history/history';

export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', {
  fallback: [],
  version: 1,
});

/**
 * Read-modify-write of the history, one at a time: two incidents noticed together must both be kept.
 */
export function createHistoryLog(item = historyItem) {
  let last: Promise<unknown> = Promise.resolve();
  return {
    read: async () => normalizeHistory(await item.getValue()),
    update(change: (history: HistoryEntry[]) => HistoryEntry[]): Promise<void> {
      const next = last.then(async () =>
        item.setValue(change(normalizeHistory(await item.getValue()))),
      );
      last = next.catch(() => undefined);
      return next;
    },
    clear: () => item.setValue([]),
  };
}

export const historyLog = createHistoryLog();
export type HistoryLog = ReturnType<typeof createHistoryLog>;
