/**
 * The site's official status page, found the way most are hosted: Atlassian Statuspage at `status.` + the site's
 * registrable domain, whose public API answers `/api/v2/status.json` with `{ status: { indicator, description } }`.
 * https://developer.statuspage.io/#operation/getStatus (the page API's public status endpoint)
 */
import { isIpHost, isSelfOrParent } from './hosts';

export const STATUSPAGE_PATH = '/api/v2/status.json';

/** Statuspage's rollup of every component: nothing wrong, a minor or major outage, a critical one, maintenance. */
export type StatusIndicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

export interface StatuspageStatus {
  readonly indicator: StatusIndicator;
  /** The page's own words, `All Systems Operational` or `Partial System Outage`: vendor text, shown as quoted. */
  readonly description: string;
}

const INDICATORS: readonly StatusIndicator[] = [
  'none',
  'minor',
  'major',
  'critical',
  'maintenance',
];
const MAX_DESCRIPTION = 200;

/**
 * Where the status page of `domain` would answer, for the failed page at `pageUrl`. Over HTTPS on its default port,
 * as public status pages are; a page served on a port of its own (a development or test site, such as the gateway
 * lab's) keeps its scheme and port, since its status page can only be reached the same way. Undefined when `domain`
 * is not the page's host or one of its parents, or the host is an address with no domain at all.
 */
export function statusPageUrl(pageUrl: string, domain: string): string | undefined {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || isIpHost(url.hostname)) return undefined;
  if (!isSelfOrParent(url.hostname, domain.toLowerCase())) return undefined;
  const origin = url.port
    ? `${url.protocol}//status.${domain}:${url.port}`
    : `https://status.${domain}`;
  return `${origin}${STATUSPAGE_PATH}`;
}

/** Reads a Statuspage status answer; null for anything else (another product's JSON, an error page's). */
export function parseStatuspage(json: unknown): StatuspageStatus | null {
  const status = (json as { status?: { indicator?: unknown; description?: unknown } } | null)
    ?.status;
  const indicator = INDICATORS.find((known) => known === status?.indicator);
  if (!indicator || typeof status?.description !== 'string') return null;
  const description = status.description.trim().slice(0, MAX_DESCRIPTION);
  return description === '' ? null : { indicator, description };
}
