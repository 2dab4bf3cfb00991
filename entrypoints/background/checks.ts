import { compareAddresses } from '@/lib/checks/addresses';
import { isIpHost, webHostOf } from '@/lib/checks/hosts';
import { siteDataPlan, type BrowserName } from '@/lib/checks/site-data';
import { parseStatuspage, statusPageUrl } from '@/lib/checks/status-page';
import { parseWaybackAvailability, waybackAvailabilityUrl } from '@/lib/checks/wayback';
import { browserDns, resolveAfresh } from '@/lib/platform/dns';
import {
  targetTab,
  type Handlers,
  type SenderContext,
  type TabTarget,
} from '@/lib/platform/messages';
import { hasPermission } from '@/lib/platform/optional-permissions';
import { fetchJson } from '@/lib/platform/outside-requests';
import { probe } from '@/lib/platform/probe';
import { removeSiteData } from '@/lib/platform/site-data';
import { tabIncidents, type TabIncidents } from '@/lib/platform/tab-incidents';

const defaults = {
  incidents: tabIncidents as Pick<TabIncidents, 'get'>,
  probe,
  fetchJson,
  removeSiteData,
  hasPermission,
  dns: browserDns,
  browserName: (import.meta.env.FIREFOX ? 'firefox' : 'chrome') as BrowserName,
  now: Date.now,
};
export type CheckDeps = typeof defaults;

type CheckVerb =
  'compareSessions' | 'clearSiteData' | 'lookUpAddress' | 'statusPage' | 'archiveLookup';

const errorText = (error: unknown) =>
  String((error as { message?: unknown } | null)?.message ?? error).slice(0, 200);

/**
 * The popup's checks (and the panel's "clear this site's data"). Each acts on the tab's failed page as the
 * background recorded it: a content script's own tab, or the one the popup names; no URL or site is ever taken
 * from a message. Every request goes out only because the visitor pressed the button that sent the message.
 */
export function createCheckHandlers(deps: CheckDeps = defaults): Pick<Handlers, CheckVerb> {
  const incidentOf = async (request: TabTarget, sender: SenderContext) => {
    const tabId = targetTab(request, sender);
    return tabId === undefined ? null : deps.incidents.get(tabId);
  };

  return {
    async compareSessions(request, sender) {
      const incident = await incidentOf(request, sender);
      if (!incident?.page) return { outcome: 'nothing-to-retry' };
      // Retry's rule: a page that came from a form is never asked for again behind the visitor's back.
      if (incident.page.method !== 'GET') return { outcome: 'refused-post' };
      const [withCookies, withoutCookies] = await Promise.all([
        deps.probe(incident.url, { credentials: 'include' }),
        deps.probe(incident.url, { credentials: 'omit' }),
      ]);
      return { outcome: 'compared', withCookies, withoutCookies };
    },

    async clearSiteData(request, sender) {
      const incident = await incidentOf(request, sender);
      const plan = incident && siteDataPlan(incident.url, deps.browserName);
      if (!plan) return { outcome: 'nothing-to-clear' };
      // Only an extension page can ask for it, before it sends this (lib/platform/optional-permissions.ts).
      if (!(await deps.hasPermission('browsingData'))) return { outcome: 'not-allowed' };
      try {
        await deps.removeSiteData(plan);
        return { outcome: 'cleared', time: deps.now() };
      } catch (error) {
        return { outcome: 'failed', error: errorText(error) };
      }
    },

    async lookUpAddress(request, sender) {
      const incident = await incidentOf(request, sender);
      const host = incident && webHostOf(incident.url);
      if (!incident || !host) return { outcome: 'nothing-to-look-up' };
      if (isIpHost(host)) return { outcome: 'no-name', host };
      const dns = deps.dns();
      if (!dns) return { outcome: 'unavailable' };
      try {
        const addresses = await resolveAfresh(host, dns);
        const observedIp = incident.page?.ip || null;
        return {
          outcome: 'resolved',
          host,
          addresses,
          observedIp,
          comparison: compareAddresses(observedIp ?? undefined, addresses),
          time: deps.now(),
        };
      } catch (error) {
        return { outcome: 'failed', host, error: errorText(error) };
      }
    },

    async statusPage(request, sender) {
      const incident = await incidentOf(request, sender);
      const url =
        incident && typeof request.domain === 'string'
          ? statusPageUrl(incident.url, request.domain)
          : undefined;
      if (!url) return { outcome: 'no-domain' };
      const answer = await deps.fetchJson(url);
      switch (answer.kind) {
        case 'json': {
          const status = parseStatuspage(answer.value);
          return status ? { outcome: 'found', url, status } : { outcome: 'unreadable', url };
        }
        case 'error-status':
          return { outcome: 'not-found', url, statusCode: answer.statusCode };
        case 'unreadable':
          return { outcome: 'unreadable', url };
        case 'no-answer':
          return { outcome: 'no-answer', url };
      }
    },

    async archiveLookup(request, sender) {
      const incident = await incidentOf(request, sender);
      if (!incident || !webHostOf(incident.url)) return { outcome: 'nothing-to-look-up' };
      const answer = await deps.fetchJson(waybackAvailabilityUrl(incident.url));
      if (answer.kind === 'no-answer') return { outcome: 'no-answer' };
      const availability = answer.kind === 'json' ? parseWaybackAvailability(answer.value) : null;
      return availability ? { outcome: 'answered', availability } : { outcome: 'unreadable' };
    },
  };
}

export const checkHandlers = createCheckHandlers();
