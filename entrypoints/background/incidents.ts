import { browser } from 'wxt/browser';
import { message } from '@/lib/i18n/messages';
import { observe, sameDocument, type CompletedRequest } from '@/lib/incident/observe';
import { badgeFor } from '@/lib/incident/tab-incident';
import { translate } from '@/lib/platform/i18n';
import { tabIncidents } from '@/lib/platform/tab-incidents';
import { showOnToolbar } from '@/lib/platform/toolbar';

export interface MainFrameCompletion extends CompletedRequest {
  readonly tabId: number;
}

const defaults = {
  incidents: tabIncidents,
  tabs: browser.tabs as Pick<typeof browser.tabs, 'get'>,
  show: showOnToolbar,
  translate,
};
export type IncidentDeps = typeof defaults;

/** A main frame finished loading: remember a failure, forget a recovery. */
export async function recordMainFrame(
  request: MainFrameCompletion,
  { incidents, ...deps }: IncidentDeps = defaults,
): Promise<void> {
  // Requests outside any tab (tabId -1): prefetches, other extensions, service workers.
  if (request.tabId < 0) return;
  if (request.statusCode < 500) {
    await incidents.remove(request.tabId);
    return;
  }
  await incidents.set(request.tabId, { observation: observe(request) });
  await showIfReady(request.tabId, { incidents, ...deps });
}

/**
 * Sets the toolbar once the failed page has committed: a badge set earlier is wiped by the navigation. Chrome reports
 * the tab complete after webRequest's onCompleted, Firefox sometimes before, so both events call this, and it is
 * idempotent. https://developer.chrome.com/docs/extensions/reference/api/action#method-setBadgeText
 */
export async function showIfReady(
  tabId: number,
  { incidents, tabs, show, translate }: IncidentDeps = defaults,
): Promise<void> {
  const incident = await incidents.get(tabId);
  if (!incident) return;
  const tab = await tabs.get(tabId).catch(() => undefined);
  if (tab?.status !== 'complete' || !sameDocument(tab.url, incident.observation.url)) return;
  await show(
    tabId,
    badgeFor(incident),
    translate(message('actionTitleFailed', incident.observation.statusCode)),
  );
}
