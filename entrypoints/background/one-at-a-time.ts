/**
 * Runs `task` for a tab one at a time: a call while it runs for that tab asks for one more run once it ends, however
 * many calls come meanwhile, and resolves with that run. For an idempotent task such as refreshTab, the last run
 * sees everything the calls were about; a page whose own calls fail a thousand times refreshes its tab a few times.
 */
export function oneAtATimePerTab(
  task: (tabId: number) => Promise<void>,
): (tabId: number) => Promise<void> {
  const running = new Map<number, Promise<void>>();
  const next = new Map<number, Promise<void>>();

  function start(tabId: number): Promise<void> {
    const run = task(tabId).finally(() => {
      if (running.get(tabId) === run) running.delete(tabId);
    });
    running.set(tabId, run);
    return run;
  }

  return (tabId) => {
    const queued = next.get(tabId);
    if (queued) return queued;
    const current = running.get(tabId);
    if (!current) return start(tabId);
    const again = current
      .catch(() => undefined)
      .then(() => {
        next.delete(tabId);
        return start(tabId);
      });
    next.set(tabId, again);
    return again;
  };
}
