import type { Observation } from '@/lib/diagnosis/types';
import { documentOf } from '@/lib/incident/observe';

/**
 * Top-level loads the browser reported with tabId -1. Firefox does this for some real first loads, so such a failure
 * is kept here until a tab finishes loading that URL, and then adopted by it.
 *
 * Kept in memory on purpose: the gap between the load and its tab completing is a second or two, while the
 * background is certainly alive, and an entry that outlived it would more likely be a stale prefetch than a page.
 */
const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 20;

export function createUntiedPages(now = Date.now) {
  const failures = new Map<string, Observation>();
  return {
    failed(observation: Observation) {
      failures.delete(documentOf(observation.url));
      failures.set(documentOf(observation.url), observation);
      while (failures.size > MAX_ENTRIES) failures.delete(failures.keys().next().value as string);
    },
    /** Whether any failure waits for its tab: when none does, a completed tab has nothing to adopt. */
    waiting: () => failures.size > 0,
    loaded(url: string) {
      failures.delete(documentOf(url));
    },
    /** The failure of the page a tab now shows, taken out of the store, if one is recent. */
    adopt(url: string | undefined): Observation | undefined {
      if (!url) return undefined;
      const observation = failures.get(documentOf(url));
      failures.delete(documentOf(url));
      return observation && now() - observation.time < MAX_AGE_MS ? observation : undefined;
    },
  };
}

export type UntiedPages = ReturnType<typeof createUntiedPages>;

export const untiedPages = createUntiedPages();
