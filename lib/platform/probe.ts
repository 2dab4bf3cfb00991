/**
 * Asks the site for a page again, past every cache, the way a visitor's reload would but without touching the tab:
 * used by "Retry now", the explanation page and the watcher. It only ever sends a GET: a page that came from a form
 * is never re-posted.
 */
import type { ProbeResult } from '../checks/results';
import { isServerFailure } from '../diagnosis/classify';
import { parseRetryAfter } from '../retry/retry-after';

export type { ProbeResult };

export const PROBE_TIMEOUT_MS = 20_000;

export async function probe(
  url: string,
  {
    fetchFn = fetch,
    now = Date.now,
    timeoutMs = PROBE_TIMEOUT_MS,
    // `omit` asks as a visitor with no session would: the clean-session comparison.
    credentials = 'include' as RequestCredentials,
  } = {},
): Promise<ProbeResult> {
  try {
    const response = await fetchFn(url, {
      method: 'GET',
      cache: 'no-store',
      credentials,
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The body is not needed: cancel it so a large page is not downloaded for nothing.
    void response.body?.cancel().catch(() => {});
    const time = now();
    if (!isServerFailure(response.status))
      return { outcome: 'back', statusCode: response.status, time };
    // Both forms, clamped; relative to when the answer came, as the site meant it.
    const retryAfter = parseRetryAfter(response.headers.get('retry-after') ?? undefined, time);
    return {
      outcome: 'still-failing',
      statusCode: response.status,
      time,
      ...(retryAfter && { retryAfterAt: retryAfter.at }),
    };
  } catch (error) {
    return {
      outcome: 'no-answer',
      error: error instanceof Error ? error.name : String(error),
      time: now(),
    };
  }
}
