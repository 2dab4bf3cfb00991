/**
 * "Clear this site's data": what each browser can remove for one site, stated once, so that the confirmation the
 * visitor reads and the removal the background performs can never disagree.
 *
 * - Chrome's browsingData takes `origins` for cookies, storage and the cache, and clears cookies for the whole
 *   registrable domain (example.com and every subdomain), not only the page's host.
 *   https://developer.chrome.com/docs/extensions/reference/api/browsingData#type-RemovalOptions
 * - Firefox's takes `hostnames` for cookies, IndexedDB, local storage and service workers only, matching each
 *   exactly: a cookie set for `.example.com` goes only when `example.com` is listed, and local storage matches the
 *   host with its port. The HTTP cache cannot be cleared per site (asked to, Firefox empties the whole cache).
 *   https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/browsingData/RemovalOptions
 */
import { isIpHost } from './hosts';

export type BrowserName = 'chrome' | 'firefox';

/** browsingData's DataTypeSet, as far as a site's data goes. */
export interface SiteDataTypes {
  readonly cache?: boolean;
  readonly cacheStorage?: boolean;
  readonly cookies?: boolean;
  readonly fileSystems?: boolean;
  readonly indexedDB?: boolean;
  readonly localStorage?: boolean;
  readonly serviceWorkers?: boolean;
}

export interface SiteDataRemoval {
  readonly options: { readonly origins?: string[]; readonly hostnames?: string[] };
  readonly dataTypes: SiteDataTypes;
}

export interface SiteDataPlan {
  readonly browser: BrowserName;
  /** `shop.example.com`, as the confirmation names it. */
  readonly host: string;
  /** `https://shop.example.com`, whose storage goes. */
  readonly origin: string;
  /** The calls to browsingData.remove, in order. */
  readonly removals: readonly SiteDataRemoval[];
}

/** The host and each parent domain above it, TLD excluded: the cookie hosts a request to `host` may carry. */
export function cookieHosts(hostname: string): string[] {
  const labels = hostname.split('.');
  if (isIpHost(hostname) || labels.length < 2) return [hostname];
  return labels.slice(0, -1).map((_, index) => labels.slice(index).join('.'));
}

/** What clearing the site of `pageUrl` removes in this browser; null for a page that is not a web site's. */
export function siteDataPlan(pageUrl: string, browser: BrowserName): SiteDataPlan | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || url.hostname === '') return null;
  const removals: SiteDataRemoval[] =
    browser === 'chrome'
      ? [
          {
            options: { origins: [url.origin] },
            dataTypes: {
              cache: true,
              cacheStorage: true,
              cookies: true,
              fileSystems: true,
              indexedDB: true,
              localStorage: true,
              serviceWorkers: true,
            },
          },
        ]
      : [
          { options: { hostnames: cookieHosts(url.hostname) }, dataTypes: { cookies: true } },
          {
            options: { hostnames: [url.host] },
            dataTypes: { indexedDB: true, localStorage: true, serviceWorkers: true },
          },
        ];
  return { browser, host: url.hostname, origin: url.origin, removals };
}
