import { browser } from 'wxt/browser';
import { targetTab, type Handlers, type TabReport } from '@/lib/platform/messages';
import { probe } from '@/lib/platform/probe';
import { settingsItem, loadSettings } from '@/lib/platform/settings';
import { tabIncidents } from '@/lib/platform/tab-incidents';
import { clearToolbar } from '@/lib/platform/toolbar';
import { normalizeSettings, siteKey } from '@/lib/settings/settings';
import { withMarkers, type TabIncident } from '@/lib/incident/tab-incident';
import type { PageMarkers } from '@/lib/diagnosis/types';
import { loadEngine } from '@/lib/platform/engine';
import { translate } from '@/lib/platform/i18n';
import { checkHandlers } from './checks';
import { diagnoseIncident, refreshTabInTurn } from './show';
import { watchHandlers } from './watch';

async function reportOf(tabId: number, incident: TabIncident | null): Promise<TabReport | null> {
  const diagnosis = incident && (await diagnoseIncident(incident));
  return incident && diagnosis ? { tabId, incident, diagnosis } : null;
}

const report = async (tabId: number) => reportOf(tabId, await tabIncidents.get(tabId));

/** Markers come from a page the visitor does not control either: take only bounded strings. */
function validMarkers(value: unknown): PageMarkers | null {
  const markers = value as Partial<PageMarkers> | null;
  if (typeof markers?.title !== 'string' || typeof markers.text !== 'string') return null;
  return { title: markers.title.slice(0, 512), text: markers.text.slice(0, 4096) };
}

const watching = watchHandlers();

export const handlers: Handlers = {
  tabReport: async ({ tabId }) => (Number.isInteger(tabId) ? report(tabId) : null),

  async panelOpened({ markers }, sender) {
    const tabId = sender.tabId;
    if (tabId === undefined) return null;
    const read = validMarkers(markers);
    // The panel waits for this answer: the record and the watch are read side by side, and the answer is made from
    // the record with the markers while they are written. The toolbar may read better with them: it is brought up to
    // date once they are.
    const [stored, watch] = await Promise.all([
      tabIncidents.get(tabId),
      watching.watchStatus({}, sender),
    ]);
    const incident = stored && read ? withMarkers(stored, read) : stored;
    const written = read
      ? tabIncidents
          .update(tabId, (current) => current && withMarkers(current, read))
          .catch(() => null)
      : Promise.resolve(null);
    void written.then(() => refreshTabInTurn(tabId));
    const opened = await reportOf(tabId, incident);
    const page = opened?.incident.page;
    if (!opened || !page) return null;
    return {
      ...opened,
      watch,
      ownerReport: (await loadEngine()).ownerReport(
        opened.diagnosis,
        page,
        {
          now: Date.now(),
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          locale: browser.i18n.getUILanguage(),
          tried: [],
          includePrivate: false,
        },
        translate,
      ),
    };
  },

  async reloadTab(request, sender) {
    const tabId = targetTab(request, sender);
    if (tabId !== undefined)
      await browser.tabs.reload(tabId, { bypassCache: request.bypassCache === true });
  },

  async ignoreSite(request, sender) {
    const tabId = targetTab(request, sender);
    if (tabId === undefined) return;
    const incident = await tabIncidents.get(tabId);
    const host = siteKey(incident?.url ?? '');
    if (!host) return;
    const settings = await loadSettings();
    await settingsItem.setValue(
      normalizeSettings({ ...settings, ignoredSites: [...settings.ignoredSites, host] }),
    );
    await tabIncidents.remove(tabId);
    await clearToolbar(tabId);
  },

  async retry(request, sender) {
    const tabId = targetTab(request, sender);
    const incident = tabId === undefined ? null : await tabIncidents.get(tabId);
    if (!incident?.page) return { outcome: 'nothing-to-retry' };
    // Asking again would re-send the form: the visitor must choose to do that themselves.
    if (incident.page.method !== 'GET') return { outcome: 'refused-post' };
    return probe(incident.url);
  },

  ...checkHandlers,
  ...watching,
};
