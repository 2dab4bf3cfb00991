import { storage } from '#imports';
import { normalizeWatches, type Watch, type WatchChange } from '../watch/watch';

/** Every watch, running or recently ended, in storage.local: a watch outlives the background and the browser. */
export const watchesItem = storage.defineItem<Watch[]>('local:watches', {
  fallback: [],
  version: 1,
});

/**
 * The watches, changed one at a time: an alarm and a click landing together must not both claim one attempt, nor
 * lose each other's change.
 */
export function createWatchStore(item = watchesItem) {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read: async () => normalizeWatches(await item.getValue()),
    change<T>(apply: (watches: readonly Watch[]) => WatchChange<T>): Promise<T> {
      const next = queue.then(async () => {
        const current = normalizeWatches(await item.getValue());
        const { watches, result } = apply(current);
        if (watches !== current) await item.setValue([...watches]);
        return result;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

export const watchStore = createWatchStore();
export type WatchStore = ReturnType<typeof createWatchStore>;
