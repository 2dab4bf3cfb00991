import { browser } from 'wxt/browser';
import { diagnose } from '@/lib/diagnosis/diagnose';
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
import { historyLog } from '@/lib/platform/history';
import { translate } from '@/lib/platform/i18n';
import { injectPanel, readPage } from '@/lib/platform/page-access';
import { loadSettings } from '@/lib/platform/settings';
import { tabIncidents } from '@/lib/platform/tab-incidents';
import { clearToolbar, showOnToolbar } from '@/lib/platform/toolbar';
import type { Settings } from '@/lib/settings/settings';
import { untiedPages } from './untied';

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
  explanationPage: (tabId: number) => browser.runtime.getURL(`/explain.html?tabId=${tabId}`),
};
export type ShowDeps = typeof defaults;

/**
 * Steps the engine recommends but this version cannot do for the visitor yet, and that they cannot do by hand
 * either: never offered. "Tell me when it's back" arrives with the watcher (issue 7).
 */
const NOT_YET_OFFERED = new Set(['watch']);

export function diagnoseIncident(incident: TabIncident): Diagnosis | null {
  const observation = observationToDiagnose(incident);
  if (!observation) return null;
  const diagnosis = diagnose(observation);
  return {
    ...diagnosis,
    visitorSteps: diagnosis.visitorSteps.filter((step) => !NOT_YET_OFFERED.has(step.id)),
  };
}

/**
 * Brings the tab's toolbar, panel and history up to date with its incident, once the tab has finished loading the
 * page the incident is about (a badge set before the navigation commits is wiped by it). Chrome reports the tab
 * complete after webRequest's onCompleted, Firefox sometimes before, so both call this; it is idempotent, and what
 * must happen once per navigation is claimed through the record's `shown` flag.
 */
export async function refreshTab(tabId: number, deps: ShowDeps = defaults): Promise<void> {
  const tab = await deps.tabs.get(tabId).catch(() => undefined);
  if (tab?.status !== 'complete') return;
  let incident = (await deps.incidents.get(tabId)) ?? (await adopt(tabId, tab.url, deps));
  if (!incident || !sameDocument(tab.url, incident.url)) return;

  const settings = await deps.settings();
  if (incident.page && !incident.shown) {
    const claimed = await claim(tabId, incident.url, deps);
    if (claimed)
      incident = (await showOnce(tabId, claimed, !!tab.incognito, settings, deps)) ?? claimed;
    else incident = (await deps.incidents.get(tabId)) ?? incident;
  }
  const view = toolbarView(incident, diagnoseIncident(incident), settings);
  if (!view) return;
  await deps.showOnToolbar(tabId, view, deps.translate(view.title));
  // A slow refresh can land after the tab has moved on (its badge already reset by the navigation): check again,
  // and take back a toolbar that no longer describes the page the tab shows.
  const after = await deps.tabs.get(tabId).catch(() => undefined);
  const current = await deps.incidents.get(tabId);
  if (after && !(after.status === 'complete' && current && sameDocument(after.url, current.url))) {
    await deps.clearToolbar(tabId);
  }
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

/** What happens once per failed navigation: the history, reading the page, and the panel or the explanation page. */
async function showOnce(
  tabId: number,
  incident: TabIncident,
  incognito: boolean,
  settings: Settings,
  deps: ShowDeps,
): Promise<TabIncident | null> {
  const diagnosis = diagnoseIncident(incident);
  if (!diagnosis || diagnosis.kind === 'challenge') return incident;
  if (!incognito) await recordIncident(incident, diagnosis, settings, deps);

  const reading = await deps.readPage(tabId);
  if (reading.kind === 'read') {
    const read = await deps.incidents.update(tabId, (current) =>
      current?.url === incident.url ? withMarkers(current, reading.markers) : current,
    );
    if (settings.panelEnabled) await deps.injectPanel(tabId);
    return read;
  }
  if (reading.kind === 'error-page' && settings.explainEmptyErrors && !incident.explained) {
    const explained = await deps.incidents.update(tabId, (current) =>
      current?.url === incident.url ? withExplained(current) : current,
    );
    // The visitor may close the tab while its page is read: then there is nothing left to explain.
    await deps.tabs.update(tabId, { url: deps.explanationPage(tabId) }).catch(() => undefined);
    return explained;
  }
  return incident;
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
