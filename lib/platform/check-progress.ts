import { storage } from '#imports';
import type { CheckProgress } from '../checks/results';

/** One storage.session key per tab, as the tabs' incidents have, so two popups never overwrite each other. */
const keyOf = (tabId: number) => `session:checks:${tabId}` as const;

function isProgress(value: unknown): value is CheckProgress {
  const record = value as Partial<CheckProgress> | null;
  return (
    typeof record?.url === 'string' &&
    Number.isFinite(record.lastFailure) &&
    typeof record.results === 'object' &&
    record.results !== null
  );
}

/**
 * How far the visitor got through the popup's checks on each tab, kept in storage.session so that closing the popup
 * loses nothing; cleared with the browser session, and by the background when the tab closes.
 */
export function createCheckProgress(area = storage) {
  return {
    async get(tabId: number): Promise<CheckProgress | null> {
      const stored = await area.getItem<unknown>(keyOf(tabId));
      return isProgress(stored) ? stored : null;
    },
    set: (tabId: number, progress: CheckProgress) => area.setItem(keyOf(tabId), progress),
    remove: (tabId: number) => area.removeItem(keyOf(tabId)),
  };
}

export const checkProgress = createCheckProgress();
export type CheckProgressStore = ReturnType<typeof createCheckProgress>;
