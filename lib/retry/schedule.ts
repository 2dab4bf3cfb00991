/**
 * When "Tell me when it's back" asks the site again: a polite schedule for a site that may be failing under load.
 *
 * - The first attempt waits for the site's own Retry-After when it sent one (https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3),
 *   then spreads visitors told the same moment over the following interval.
 * - A later attempt waits for the Retry-After of the answer before it the same way, when that answer sent one, or for
 *   the backoff below when that is later: a site that says "in one second" to every attempt is still asked less and
 *   less often, and one that says "in an hour" is asked in an hour, even past the cap (it said when), but never past
 *   the end.
 * - Later attempts back off exponentially with "equal jitter": each wait is drawn between half and all of a doubling
 *   ceiling, so visitors who met the same outage drift apart instead of asking in step.
 *   https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * - No wait is shorter than the browser's shortest alarm: Chrome fires a packed MV3 extension's alarms at most every
 *   30 seconds (https://developer.chrome.com/docs/extensions/reference/api/alarms#method-create); Firefox has no
 *   minimum, and one floor for both keeps the browsers alike.
 * - No wait after the first is longer than the cap, so a site that comes back is noticed within it.
 * - The last attempt is at the watch's end (the user's `watchGiveUpMinutes`); after it, the watch gives up.
 */
export const MIN_ATTEMPT_INTERVAL_MS = 30_000;
export const MAX_ATTEMPT_INTERVAL_MS = 10 * 60_000;

export interface ScheduleState {
  /** Attempts made so far. */
  readonly attempts: number;
  readonly startedAt: number;
  /** When the last attempt was made; null before the first. */
  readonly lastAttemptAt: number | null;
  /** When the watch ends: its last attempt is made then, or within one floor of the one before. */
  readonly deadline: number;
  /**
   * When the latest failed answer's Retry-After asked browsers to come back (already parsed and clamped), if it did:
   * the failure that started the watch before the first attempt, then the answer to the last attempt.
   */
  readonly retryAfterAt: number | null;
}

export type NextAttempt =
  { readonly kind: 'attempt'; readonly at: number } | { readonly kind: 'give-up' };

/** Where the wait after the `attempts`-th attempt is drawn from: [min, max], both never below the floor. */
export function backoffRange(attempts: number): { readonly min: number; readonly max: number } {
  const doublings = Math.min(Math.max(0, Math.floor(attempts)), 32);
  const max = Math.min(MAX_ATTEMPT_INTERVAL_MS, MIN_ATTEMPT_INTERVAL_MS * 2 ** doublings);
  return { min: Math.max(MIN_ATTEMPT_INTERVAL_MS, max / 2), max };
}

/** `random` is a draw from [0, 1) (Math.random in the extension), passed in so tests can choose it. */
export function nextAttempt(state: ScheduleState, random: number): NextAttempt {
  const draw = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1) : 0;
  const { attempts, startedAt, lastAttemptAt, deadline } = state;
  // Visitors told the same moment (an HTTP-date) are spread over the interval after it.
  const asked = Number.isFinite(state.retryAfterAt)
    ? (state.retryAfterAt as number) + draw * MIN_ATTEMPT_INTERVAL_MS
    : 0;
  if (attempts === 0 || lastAttemptAt === null) {
    const earliest = startedAt + MIN_ATTEMPT_INTERVAL_MS;
    const at = Math.max(earliest + draw * MIN_ATTEMPT_INTERVAL_MS, asked);
    // A Retry-After beyond the end the user chose is cut to it: one attempt then, rather than none at all.
    return { kind: 'attempt', at: Math.max(earliest, Math.min(at, deadline)) };
  }
  if (lastAttemptAt >= deadline) return { kind: 'give-up' };
  const { min, max } = backoffRange(attempts);
  const at = Math.min(Math.max(lastAttemptAt + min + draw * (max - min), asked), deadline);
  return { kind: 'attempt', at: Math.max(at, lastAttemptAt + MIN_ATTEMPT_INTERVAL_MS) };
}
