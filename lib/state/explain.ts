import { signal } from '@preact/signals';
import { send, type RetryResult, type TabReport } from '../platform/messages';
import { requestPermission as askBrowser } from '../platform/optional-permissions';
import type { WatchView } from '../watch/watch';
import { createWatchClient } from './watch';

export type ExplainView =
  | { readonly kind: 'loading' }
  /** The tab's incident is gone (the site recovered, or the page was opened by hand). */
  | { readonly kind: 'nothing' }
  | { readonly kind: 'report'; readonly report: TabReport };

/**
 * The explanation page, shown in place of Chrome's bare error page for a 5xx with no body (`?tabId=N` names the
 * tab it explains). Retry asks the site again from the background first and only returns to the page once it
 * answers, so a visitor is never taken back to the bare error page by our own button.
 */
export function createExplainState(
  query: URLSearchParams,
  {
    sendMessage = send,
    goTo = (url: string) => location.replace(url),
    requestPermission = askBrowser,
  } = {},
) {
  // No `tabId` names no tab (Number(null) would name tab 0).
  const tabId = Number(query.get('tabId') ?? NaN);
  const view = signal<ExplainView>({ kind: 'loading' });
  const retrying = signal(false);
  const lastRetry = signal<RetryResult | null>(null);
  /** "Tell me when it's back" for the tab this page explains; null until the background has answered. */
  const watch = signal<WatchView | null>(null);
  const watchClient = createWatchClient({ tabId }, (next) => (watch.value = next), {
    sendMessage,
    requestNotifications: () => requestPermission('notifications'),
  });

  async function load() {
    const report =
      Number.isInteger(tabId) && tabId >= 0 ? await sendMessage('tabReport', { tabId }) : null;
    view.value = report ? { kind: 'report', report } : { kind: 'nothing' };
    if (report) await watchClient.refresh();
  }

  async function retry() {
    const current = view.value;
    if (current.kind !== 'report' || retrying.value) return;
    retrying.value = true;
    try {
      const result = await sendMessage('retry', { tabId });
      lastRetry.value = result;
      if (result.outcome === 'back') goTo(current.report.incident.url);
    } finally {
      retrying.value = false;
    }
  }

  /**
   * Clears the data of the tab's site, once the visitor has confirmed what goes: from that click, it asks for
   * browsingData first (the background clears nothing without it).
   */
  const clearSiteData = async () => {
    await requestPermission('browsingData');
    return sendMessage('clearSiteData', { tabId });
  };

  return {
    view,
    retrying,
    lastRetry,
    watch,
    load,
    retry,
    clearSiteData,
    startWatch: watchClient.start,
    stopWatch: watchClient.stop,
  };
}

export type ExplainState = ReturnType<typeof createExplainState>;
