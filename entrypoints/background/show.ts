import { browser } from 'wxt/browser';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { siteFor, withIncident } from '@/lib/history/history';
import { sameDocument } from '@/lib/incident/observe';
import {
  observationToDiagnose,
  pageFailed,
  toolbarView,
  withExplained,
  withMarkers,
  withShown,
  type TabIncident,
} from '@/lib/incident/tab-incident';
import { loadEngine } from '@/lib/platform/engine';
import { historyLog } from '@/lib/platform/history';
import { translate } from '@/lib/platform/i18n';
import { injectPanel, readPage } from '@/lib/platform/page-access';
import { loadSettings } from '@/lib/platform/settings';
import { allTabIncidents, tabIncidents } from '@/lib/platform/tab-incidents';
import { clearToolbar, showOnToolbar } from '@/lib/platform/toolbar';
import { watchStore } from '@/lib/platform/watches';
import type { Settings } from '@/lib/settings/settings';
import { clockTime, watchedTitle, watchFor } from '@/lib/watch/watch';
import { oneAtATimePerTab } from './one-at-a-time';
import { untiedPages } from './untied';

/** Where Chrome's bare error page for a tab is explained instead. */
export const explanationPage = (tabId: number) =>
  browser.runtime.getURL(`/explain.html?tabId=${tabId}`);

const defaults = {
  incidents: tabIncidents,
  tabs: browser.tabs as Pick<typeof browser.tabs, 'get' | 'update'>,
  settings: loadSettings,
  history: historyLog,
  readPage,
  injectPanel,
  showOnToolbar,
  clearToolbar,
  translate,
  adoptUntied: (url: string | undefined) => untiedPages.adopt(url),
  untiedWaiting: () => untiedPages.waiting(),
  explanationPage,
  /** The running watch of a failed page, for the tooltip. */
  watchOf: async (url: string) => {
    const watch = watchFor(await watchStore.read(), url);
    return watch?.status === 'watching' ? watch : undefined;
  },
  clock: (at: number) => clockTime(at, browser.i18n.getUILanguage()),
};
export type ShowDeps = typeof defaults;

export async function diagnoseIncident(incident: TabIncident): Promise<Diagnosis | null> {
  const observation = observationToDiagnose(incident);
  if (!observation) return null;
  const diagnosis = (await loadEngine()).diagnose(observation);
  if (incident.page) return diagnosis;
  // Only the page's own calls failed: the page loaded, and watching it would find it "back" at once.
  return {
    ...diagnosis,
    visitorSteps: diagnosis.visitorSteps.filter((step) => step.id !== 'watch'),
  };
}

/**
 * Brings the tab's toolbar, panel and history up to date with its incident, once the tab has finished loading the
 * page the incident is about (a badge set before the navigation commits is wiped by it). Chrome reports the tab
 * complete after webRequest's onCompleted, Firefox sometimes before, so both call this; it is idempotent, and what
 * must happen once per navigation is claimed through the record's `shown` flag.
 */
export async function refreshTab(tabId: number, deps: ShowDeps = defaults): Promise<void> {
  // Nearly every tab that completes shows a healthy page: no record, no failure waiting for a tab (both known without
  // a storage call), and nothing to look up.
  const stored = await deps.incidents.get(tabId);
  if (!stored && !deps.untiedWaiting()) return;
  // Side by side: a failed page's panel waits for both.
  const [tab, settings] = await Promise.all([
    deps.tabs.get(tabId).catch(() => undefined),
    deps.settings(),
  ]);
  if (tab?.status !== 'complete') return;
  let incident = stored ?? (await adopt(tabId, tab.url, deps));
  if (!incident) return;
  if (!showsIncident(tab.url, incident, tabId, deps)) return forgetIfLeft(tabId, tab.url, deps);

  if (incident.page && !incident.shown) {
    const claimed = await claim(tabId, incident.url, deps);
    if (claimed)
      incident = (await showOnce(tabId, claimed, !!tab.incognito, settings, deps)) ?? claimed;
    else incident = (await deps.incidents.get(tabId)) ?? incident;
  }
  const view = toolbarView(incident, await diagnoseIncident(incident), settings);
  if (!view) return;
  const watch = incident.page ? await deps.watchOf(incident.url) : undefined;
  const title = watch ? watchedTitle(view.title, watch, deps.clock) : view.title;
  await deps.showOnToolbar(tabId, view, deps.translate(title));
  // A slow refresh can land after the tab has moved on (its badge already reset by the navigation): check again,
  // and take back a toolbar that no longer describes the page the tab shows.
  const after = await deps.tabs.get(tabId).catch(() => undefined);
  const current = await deps.incidents.get(tabId);
  if (
    after &&
    !(after.status === 'complete' && current && showsIncident(after.url, current, tabId, deps))
  ) {
    await deps.clearToolbar(tabId);
  }
}

/**
 * refreshTab for every caller (a request's events, the tab completing, the panel's markers, a watch), one run at a
 * time per tab: a run that started earlier cannot set the toolbar after a later run that knows more (the page's
 * markers, which name many gateways, arrive with the panel while the run that injected it is still ending).
 */
export const refreshTabInTurn = oneAtATimePerTab(refreshTab);

/**
 * A worker stopped after it recorded a failed page and before it showed it leaves the page without help, and a tab
 * that had already completed sends no event that would show it: at every start, each such page is shown.
 */
export async function showMissedFailures(
  records = allTabIncidents,
  refresh = refreshTabInTurn,
): Promise<void> {
  for (const [tabId, incident] of await records()) {
    if (incident.page && !incident.shown) void refresh(tabId);
  }
}

/** Whether the tab shows the incident's page, or the explanation page that took the place of Chrome's bare one. */
function showsIncident(
  url: string | undefined,
  incident: TabIncident,
  tabId: number,
  deps: ShowDeps,
): boolean {
  return (
    sameDocument(url, incident.url) || (incident.explained && url === deps.explanationPage(tabId))
  );
}

/**
 * The tab completed on a page its record is not about: one webRequest reports nothing for (about:blank, a file, the
 * browser's own pages), or one it left before a late failure of the old page came in. The record no longer says
 * anything about the tab, and would have the popup describe a page that is gone. The explanation page stands in for
 * the failed page it explains, so its record stays.
 */
async function forgetIfLeft(tabId: number, url: string | undefined, deps: ShowDeps) {
  if (url === deps.explanationPage(tabId)) return;
  await deps.incidents.update(tabId, (current) =>
    current && !sameDocument(url, current.url) ? null : current,
  );
}

/** A failure the browser reported without a tab, for the page this tab now shows (Firefox first loads). */
async function adopt(
  tabId: number,
  url: string | undefined,
  deps: ShowDeps,
): Promise<TabIncident | null> {
  const observation = deps.adoptUntied(url);
  if (!observation) return null;
  return deps.incidents.update(tabId, (current) => current ?? pageFailed(observation));
}

/** Marks the incident shown, and returns it only to the one caller that did. */
async function claim(tabId: number, url: string, deps: ShowDeps): Promise<TabIncident | null> {
  let claimed: TabIncident | null = null;
  await deps.incidents.update(tabId, (current) => {
    if (!current || current.url !== url || current.shown) return current;
    claimed = withShown(current);
    return claimed;
  });
  return claimed;
}

/** What happens once per failed navigation: the panel or the explanation page, then the history. */
async function showOnce(
  tabId: number,
  incident: TabIncident,
  incognito: boolean,
  settings: Settings,
  deps: ShowDeps,
): Promise<TabIncident | null> {
  const diagnosis = await diagnoseIncident(incident);
  if (!diagnosis || diagnosis.kind === 'challenge') return incident;
  const shown = await showHelp(tabId, incident, settings, deps);
  // The visitor's help first: the history can wait until it is on screen.
  if (!incognito) await recordIncident(incident, diagnosis, settings, deps);
  return shown;
}

/**
 * The panel over a page scripts can run in, else the explanation page for Chrome's bare error page. The panel reads
 * the page itself and sends its markers (panelOpened), so it is injected at once, with no reading first; with the
 * panel turned off, the page is read for the markers alone.
 */
async function showHelp(
  tabId: number,
  incident: TabIncident,
  settings: Settings,
  deps: ShowDeps,
): Promise<TabIncident | null> {
  if (settings.panelEnabled) {
    if ((await deps.injectPanel(tabId)) !== 'error-page') return incident;
  } else {
    const reading = await deps.readPage(tabId);
    if (reading.kind === 'read') {
      return deps.incidents.update(tabId, (current) =>
        current?.url === incident.url ? withMarkers(current, reading.markers) : current,
      );
    }
    if (reading.kind !== 'error-page') return incident;
  }
  if (!settings.explainEmptyErrors || incident.explained) return incident;
  const explained = await deps.incidents.update(tabId, (current) =>
    current?.url === incident.url ? withExplained(current) : current,
  );
  // The visitor may close the tab while its page is read: then there is nothing left to explain.
  await deps.tabs.update(tabId, { url: deps.explanationPage(tabId) }).catch(() => undefined);
  return explained;
}

async function recordIncident(
  incident: TabIncident,
  diagnosis: Diagnosis,
  settings: Settings,
  deps: ShowDeps,
) {
  if (settings.historyMode === 'off' || !incident.page) return;
  const site = siteFor(incident.url, settings.historyMode);
  if (!site) return;
  const entry = {
    ...site,
    time: incident.page.time,
    statusCode: incident.page.statusCode,
    gateway: diagnosis.chain[0]?.name ?? null,
    recoveredAt: null,
  };
  await deps.history.update((history) => withIncident(history, entry));
}
