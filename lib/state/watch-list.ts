import { signal } from '@preact/signals';
import { send } from '../platform/messages';
import { watchesItem } from '../platform/watches';
import { listedWatches, normalizeWatches, type StopOutcome, type Watch } from '../watch/watch';

/** The part of a storage item the list reads: what is stored is unknown, since it may be old or damaged. */
interface WatchesStore {
  getValue(): Promise<unknown>;
  watch(callback: (value: unknown) => void): () => void;
}

/**
 * The options page's "Pages being watched": every watch in storage, followed live (an attempt, a watch started or
 * ended elsewhere shows at once), each stoppable by its id through the background, which also clears its alarm.
 */
export function createWatchList({
  store = watchesItem,
  sendMessage = send,
}: { store?: WatchesStore; sendMessage?: typeof send } = {}) {
  const watches = signal<readonly Watch[] | null>(null);
  const lastStop = signal<StopOutcome | null>(null);
  const show = (stored: unknown) => void (watches.value = listedWatches(normalizeWatches(stored)));

  async function stop(watch: Watch): Promise<void> {
    const ended = watch.status !== 'watching';
    // An answer that does not come (the background unreachable) is a stop that did not happen.
    const answered = await sendMessage('unwatchById', { watchId: watch.id }).then(
      () => true,
      () => false,
    );
    lastStop.value = { url: watch.url, ended, stopped: answered };
  }

  const unwatch = store.watch(show);
  return {
    watches,
    lastStop,
    load: async () => show(await store.getValue()),
    stop,
    dispose: unwatch,
  };
}

export type WatchList = ReturnType<typeof createWatchList>;
