/**
 * Every setting, its default, and how a stored value is read back. Stored settings can be from an older version,
 * edited by hand or corrupted: each field is taken when valid and defaulted when not, so one bad field never loses
 * the rest.
 */
export type HistoryMode = 'off' | 'origin' | 'full';

export interface Settings {
  /** Show the in-page panel on failed pages. */
  readonly panelEnabled: boolean;
  /** In Chrome, replace the browser's bare error page (a 5xx with no body) with the explanation page. */
  readonly explainEmptyErrors: boolean;
  /** Mark a tab whose page loaded but whose own API calls fail with 5xx. */
  readonly showPageApiFailures: boolean;
  /** Stay silent for localhost, 127.0.0.0/8, [::1] and private-network addresses. */
  readonly ignoreLocalAddresses: boolean;
  /** What the local incident history keeps: nothing, the site's origin, or the full URL (query string dropped). */
  readonly historyMode: HistoryMode;
  /** Hosts the user asked never to be told about ("don't show on this site"). */
  readonly ignoredSites: readonly string[];
  /** How long "tell me when it's back" keeps trying, in minutes. */
  readonly watchGiveUpMinutes: number;
  readonly notifications: boolean;
  /** Reload a watched tab when its site is back. */
  readonly reloadWhenBack: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  panelEnabled: true,
  explainEmptyErrors: true,
  showPageApiFailures: true,
  ignoreLocalAddresses: false,
  historyMode: 'origin',
  ignoredSites: [],
  watchGiveUpMinutes: 120,
  notifications: true,
  reloadWhenBack: true,
};

export const MAX_IGNORED_SITES = 500;
export const WATCH_GIVE_UP_RANGE = { min: 5, max: 24 * 60 } as const;

export function normalizeSettings(stored: unknown): Settings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  const bool = (key: keyof Settings) =>
    typeof raw[key] === 'boolean' ? (raw[key] as boolean) : (DEFAULT_SETTINGS[key] as boolean);
  const minutes = Number(raw.watchGiveUpMinutes);
  return {
    panelEnabled: bool('panelEnabled'),
    explainEmptyErrors: bool('explainEmptyErrors'),
    showPageApiFailures: bool('showPageApiFailures'),
    ignoreLocalAddresses: bool('ignoreLocalAddresses'),
    historyMode:
      (['off', 'origin', 'full'] as const).find((mode) => mode === raw.historyMode) ??
      DEFAULT_SETTINGS.historyMode,
    ignoredSites: Array.isArray(raw.ignoredSites)
      ? [
          ...new Set(
            raw.ignoredSites
              .filter((s): s is string => typeof s === 'string')
              .map(siteKey)
              .filter(Boolean),
          ),
        ].slice(0, MAX_IGNORED_SITES)
      : DEFAULT_SETTINGS.ignoredSites,
    watchGiveUpMinutes: Number.isFinite(minutes)
      ? Math.min(WATCH_GIVE_UP_RANGE.max, Math.max(WATCH_GIVE_UP_RANGE.min, Math.round(minutes)))
      : DEFAULT_SETTINGS.watchGiveUpMinutes,
    notifications: bool('notifications'),
    reloadWhenBack: bool('reloadWhenBack'),
  };
}

/** The key a site is ignored under: its host, lower case, without a trailing dot. */
export function siteKey(hostOrUrl: string): string {
  let host = hostOrUrl.trim().toLowerCase();
  try {
    if (host.includes('://')) host = new URL(host).host;
  } catch {
    return '';
  }
  return host.replace(/\.$/, '').slice(0, 253);
}

/**
 * The site a visitor typed into the "don't show" list, as its key: `shop.example`, `https://shop.example/cart` and
 * `Shop.Example.` all give `shop.example`. Null for what cannot be a web site's host.
 */
export function siteFromInput(text: string): string | null {
  const typed = text.trim();
  if (typed === '' || /\s/.test(typed)) return null;
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  const url = URL.parse(withScheme);
  // A user name in it means the text was something else (`mailto:a@b.example` would read as host b.example).
  if (!url || !/^https?:$/.test(url.protocol) || url.hostname === '' || url.username !== '')
    return null;
  return siteKey(url.href) || null;
}

export type AddSiteOutcome = 'added' | 'invalid' | 'duplicate' | 'full';

/** The "don't show" list with the typed site added, or why it was not. */
export function withIgnoredSite(
  sites: readonly string[],
  typed: string,
): { outcome: AddSiteOutcome; sites: readonly string[] } {
  const site = siteFromInput(typed);
  if (site === null) return { outcome: 'invalid', sites };
  if (sites.includes(site)) return { outcome: 'duplicate', sites };
  if (sites.length >= MAX_IGNORED_SITES) return { outcome: 'full', sites };
  return { outcome: 'added', sites: [...sites, site] };
}

export function isSiteIgnored(settings: Pick<Settings, 'ignoredSites'>, url: string): boolean {
  const host = siteKey(url);
  return host !== '' && settings.ignoredSites.includes(host);
}

/** Loopback, private and link-local addresses, and names that only ever mean this machine. */
export function isLocalAddress(url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (hostname === 'localhost' || hostname.endsWith('.localhost') || hostname.endsWith('.local'))
    return true;
  if (hostname === '[::1]' || /^\[(fc|fd|fe8|fe9|fea|feb)/.test(hostname)) return true;
  const octets = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(hostname);
  if (!octets) return false;
  const [a, b] = [Number(octets[1]), Number(octets[2])];
  return (
    a === 127 ||
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254)
  );
}
