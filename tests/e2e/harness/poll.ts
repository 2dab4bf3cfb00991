/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs` saying what it waited for. */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 10_000, intervalMs = 50 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Bounds one call into a browser. Neither Playwright's nor puppeteer's evaluate has a time limit of its own, and a
 * call into a frame that navigates away mid-call can wait forever: fail instead, saying which call it was.
 */
export function withinTime<T>(what: string, call: Promise<T>, timeoutMs = 15_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  return Promise.race([call, expiry]).finally(() => clearTimeout(timer));
}

/**
 * Closes a tab as cleanup, never failing or holding up a test: Chromium's close can hang on a tab that is reloading
 * around its cache (seen in the panel's reload test). A tab that will not close goes with its browser at the end.
 */
export async function closeTab(close: () => Promise<void>): Promise<void> {
  await withinTime('Closing a tab', close(), 5_000).catch(() => undefined);
}

/** Runs `task` for every item, at most `concurrency` at once, and waits for all; the first failure is thrown. */
export async function forEachAtOnce<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
