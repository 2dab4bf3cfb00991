import { browser } from 'wxt/browser';
import { observe, type CompletedRequest } from '@/lib/incident/observe';
import {
  meaningOfNetworkError,
  meaningOfResponse,
  type RequestEvent,
  type RequestMeaning,
} from '@/lib/incident/requests';
import { pageFailed, partFailed } from '@/lib/incident/tab-incident';
import { withRecovery } from '@/lib/history/history';
import { historyLog } from '@/lib/platform/history';
import { loadSettings } from '@/lib/platform/settings';
import { tabIncidents } from '@/lib/platform/tab-incidents';
import { clearToolbar } from '@/lib/platform/toolbar';
import { isLocalAddress, isSiteIgnored, type Settings } from '@/lib/settings/settings';
import { refreshTabInTurn } from './show';
import { untiedPages } from './untied';

export type WebRequestDetails = RequestEvent &
  Partial<CompletedRequest> & {
    readonly timeStamp: number;
    readonly method: string;
    readonly documentUrl?: string;
    readonly requestId?: string;
  };

/**
 * How long a failing part's update waits for others to share its write. A page's own calls can fail by the thousand
 * (a poller that never backs off); its badge is not a panel, and can come a quarter of a second later.
 */
export const PART_BATCH_MS = 250;

const defaults = {
  incidents: tabIncidents,
  untied: untiedPages,
  history: historyLog,
  settings: loadSettings,
  refresh: refreshTabInTurn,
  clearToolbar,
  pageUrlOf: async (tabId: number) => (await browser.tabs.get(tabId)).url,
  online: () => navigator.onLine,
  ownOrigin: browser.runtime.getURL('/'),
};
export type DetectDeps = typeof defaults;

function watched(url: string, settings: Settings): boolean {
  return !isSiteIgnored(settings, url) && !(settings.ignoreLocalAddresses && isLocalAddress(url));
}

/**
 * webRequest.onCompleted, for main frames, sub frames and the page's own XHR/fetch. Nearly every event is a healthy
 * API call that means nothing for its tab: that is decided synchronously and returns at once, without the promise
 * and the microtask an async function costs on every call (npm run bench measures it).
 */
export function onResponse(
  details: WebRequestDetails,
  deps: DetectDeps = defaults,
): Promise<void> | undefined {
  const meaning = meaningOfResponse(details, deps.ownOrigin);
  return meaning.kind === 'ignore' ? undefined : handleResponse(meaning, details, deps);
}

async function handleResponse(
  meaning: Exclude<RequestMeaning, { kind: 'ignore' }>,
  details: WebRequestDetails,
  deps: DetectDeps,
): Promise<void> {
  switch (meaning.kind) {
    case 'page-loaded': {
      deps.untied.loaded(details.url);
      let before: Awaited<ReturnType<DetectDeps['incidents']['get']>> = null;
      await deps.incidents.update(details.tabId, (current) => {
        before = current;
        return null;
      });
      if (!before) return;
      // The browser resets the badge when the tab navigates, but not always when it loads the same address again;
      // the page the badge was about is gone either way.
      await deps.clearToolbar(details.tabId);
      await recordRecovery(before, details, deps);
      return;
    }
    case 'untied-page':
      if (!meaning.failed) deps.untied.loaded(details.url);
      else if (watched(details.url, await deps.settings()))
        deps.untied.failed(observe(asCompleted(details)));
      return;
    case 'page-failed':
      if (await recordFailedPage(details, deps)) await deps.refresh(details.tabId);
      return;
    case 'part-failed': {
      const pageUrl =
        details.documentUrl ?? (await deps.pageUrlOf(details.tabId).catch(() => undefined));
      if (!pageUrl || !watched(pageUrl, await deps.settings())) return;
      const observation = observe(asCompleted(details));
      await deps.incidents.update(
        details.tabId,
        (current) => partFailed(current, pageUrl, observation, meaning.part),
        { within: PART_BATCH_MS },
      );
      await deps.refresh(details.tabId);
      return;
    }
  }
}

/**
 * webRequest.onHeadersReceived, for main frames: a failed page is recorded as soon as its status is known, so that
 * the panel can show once the page has loaded. Firefox reports onCompleted only after the page's load event
 * (tens of milliseconds later); onResponse then completes the same record. The tab is not refreshed here: it still
 * shows the page before, which a refresh would take the new record for a stale one about.
 */
export function onHeaders(
  details: WebRequestDetails,
  deps: DetectDeps = defaults,
): Promise<void> | undefined {
  if (meaningOfResponse(details, deps.ownOrigin).kind !== 'page-failed') return undefined;
  return recordFailedPage(details, deps).then(() => undefined);
}

/** Whether the page was recorded: the visitor may have asked for its site to be left alone. */
async function recordFailedPage(details: WebRequestDetails, deps: DetectDeps): Promise<boolean> {
  if (!watched(details.url, await deps.settings())) return false;
  await deps.incidents.update(details.tabId, (current) =>
    pageFailed(observe(asCompleted(details)), current, details.requestId),
  );
  return true;
}

/** webRequest.onErrorOccurred: the page got no answer at all. */
export async function onNetworkError(
  details: WebRequestDetails,
  deps: DetectDeps = defaults,
): Promise<void> {
  const meaning = meaningOfNetworkError(details, deps.online(), deps.ownOrigin);
  if (meaning.kind !== 'page-failed' || !watched(details.url, await deps.settings())) return;
  const observation = {
    ...observe(asCompleted({ ...details, statusCode: 0 })),
    networkError: details.error,
  };
  await deps.incidents.update(details.tabId, (current) => pageFailed(observation, current));
  await deps.refresh(details.tabId);
}

/**
 * The page that failed in this tab now loads: its site recovered (as far as this visitor can tell). Whether this
 * failure was shown does not matter: a worker stopped before its panel leaves it unshown, and the site's incident
 * the history holds from the failures before it has still ended.
 */
async function recordRecovery(
  before: NonNullable<Awaited<ReturnType<DetectDeps['incidents']['get']>>>,
  details: WebRequestDetails,
  deps: DetectDeps,
): Promise<void> {
  if (!before.page) return;
  const origin = (url: string) => URL.parse(url)?.origin;
  if (origin(before.url) !== origin(details.url)) return;
  await deps.history.update((history) =>
    withRecovery(history, origin(details.url) ?? '', details.timeStamp),
  );
}

function asCompleted(details: WebRequestDetails): CompletedRequest {
  return {
    url: details.url,
    method: details.method,
    statusCode: details.statusCode ?? 0,
    statusLine: details.statusLine,
    responseHeaders: details.responseHeaders,
    type: details.type,
    ip: details.ip,
    timeStamp: details.timeStamp,
  };
}
