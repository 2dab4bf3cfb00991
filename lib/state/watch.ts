import { MIN_ATTEMPT_INTERVAL_MS } from '../retry/schedule';
import type { WatchView } from '../watch/watch';
import { send, type TabTarget } from '../platform/messages';

/** How soon a page asks again while its watch runs: just after the next attempt, and never less often than this. */
export const WATCH_STATUS_MAX_WAIT_MS = 60_000;
const WATCH_STATUS_MIN_WAIT_MS = 2_000;

export interface WatchClientOptions {
  readonly sendMessage?: typeof send;
  readonly now?: () => number;
  /** The page's timers; a content script passes its context's, which stop when the script is invalidated. */
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: never) => void;
  /**
   * An extension page's way to ask for the notifications permission (the panel has none: a content script cannot
   * ask). Called first thing in `start`, so from the visitor's click, when the background has said a notification
   * would not show.
   */
  readonly requestNotifications?: () => Promise<boolean>;
}

/**
 * A page's view of the watch of its tab's failed page (the panel, the explanation page, the popup): asks the
 * background, hands each answer to `show`, and while the watch runs asks again just after each attempt is due, so
 * the page follows it without storage access (Firefox's content scripts cannot read storage.session). An answer
 * that does not come (the background unreachable) leaves the last view as it was.
 */
export function createWatchClient(
  target: TabTarget,
  show: (view: WatchView) => void,
  {
    sendMessage = send,
    now = Date.now,
    setTimer = (run, ms) => setTimeout(run, ms),
    clearTimer = (timer) => clearTimeout(timer),
    requestNotifications,
  }: WatchClientOptions = {},
) {
  let timer: unknown;
  let disposed = false;
  let shown: WatchView | undefined;
  /** Shows a view, and while the watch runs asks again just after its next attempt is due. */
  const follow = (view: WatchView) => {
    clearTimer(timer as never);
    timer = undefined;
    if (disposed) return;
    shown = view;
    show(view);
    if (view.kind !== 'watching') return;
    // Paused, or the last attempt under way: the background looks again within the floor.
    const due = view.nextAt ?? now() + MIN_ATTEMPT_INTERVAL_MS;
    const wait = due - now() + WATCH_STATUS_MIN_WAIT_MS;
    timer = setTimer(
      () => void ask('watchStatus'),
      Math.min(WATCH_STATUS_MAX_WAIT_MS, Math.max(WATCH_STATUS_MIN_WAIT_MS, wait)),
    );
  };
  const ask = (verb: 'watch' | 'unwatch' | 'watchStatus') =>
    sendMessage(verb, target).then(follow, () => undefined);
  return {
    /** A view the page already has (the panel gets one with its report). */
    follow,
    refresh: () => ask('watchStatus'),
    start: async () => {
      const asking = shown && 'notificationBlocked' in shown ? requestNotifications?.() : undefined;
      await ask('watch');
      // Granted meanwhile: the next answer no longer says a notification will not show.
      if (await asking) await ask('watchStatus');
    },
    stop: () => ask('unwatch'),
    dispose: () => {
      disposed = true;
      clearTimer(timer as never);
    },
  };
}

export type WatchClient = ReturnType<typeof createWatchClient>;
