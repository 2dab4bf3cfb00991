import { message, type Message } from '../i18n/messages';
import type { FailureKind, NetworkFailure, Side } from './types';

/**
 * Why a request failed, one level more precise than the FailureKind: it picks the hop explanation and the guidance.
 * Several codes share a reason (a Cloudflare 524 and an unofficial 598 are both a read timeout).
 */
export type FailureReason =
  | 'server-failed'
  | 'not-supported'
  | 'bad-response'
  | 'unknown-response'
  | 'overloaded'
  | 'timeout'
  | 'insufficient-storage'
  | 'loop'
  | 'bandwidth'
  | 'network-sign-in'
  | 'refused'
  | 'connect-timeout'
  | 'unreachable'
  | 'read-timeout'
  | 'tls-handshake'
  | 'bad-certificate'
  | 'railgun'
  | 'origin-dns'
  | 'edge-config'
  | 'tunnel'
  | 'edge-code-failed'
  | 'edge-code-limit'
  | 'edge-queue-full'
  | 'challenge'
  | `network-${NetworkFailure}`;

export interface StatusEntry {
  /** `502 Bad Gateway`: the code (or the browser's failure) and its name. */
  readonly title: Message;
  /** What it means, in a plain sentence. */
  readonly meaning: Message;
  readonly kind: FailureKind;
  readonly side: Side;
  readonly typicalDuration: Message;
  readonly reason: FailureReason;
  /** Where the meaning comes from: the RFC section or the vendor's page. */
  readonly source: string;
}

const RFC9110 = 'https://www.rfc-editor.org/rfc/rfc9110#section-';
const CLOUDFLARE_5XX =
  'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/';
const CLOUDFLARE_1XXX =
  'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/';

const duration = {
  seconds: message('durationSecondsToMinutes'),
  minutes: message('durationMinutes'),
  hours: message('durationMinutesToHours'),
  untilFixed: message('durationUntilFixed'),
  untilSignIn: message('durationUntilSignIn'),
  untilOnline: message('durationUntilOnline'),
  afterCheck: message('durationAfterCheck'),
} as const;

/** Every 5xx status a visitor can meet, official or not. */
export const STATUS_CATALOGUE: ReadonlyMap<number, StatusEntry> = new Map<number, StatusEntry>([
  [
    500,
    {
      title: message('status500Title'),
      meaning: message('status500Meaning'),
      kind: 'server-error',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'server-failed',
      source: `${RFC9110}15.6.1`,
    },
  ],
  [
    501,
    {
      title: message('status501Title'),
      meaning: message('status501Meaning'),
      kind: 'not-supported',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'not-supported',
      source: `${RFC9110}15.6.2`,
    },
  ],
  [
    502,
    {
      title: message('status502Title'),
      meaning: message('status502Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.minutes,
      reason: 'bad-response',
      source: `${RFC9110}15.6.3`,
    },
  ],
  [
    503,
    {
      title: message('status503Title'),
      meaning: message('status503Meaning'),
      kind: 'unavailable',
      side: 'site',
      typicalDuration: duration.minutes,
      reason: 'overloaded',
      source: `${RFC9110}15.6.4`,
    },
  ],
  [
    504,
    {
      title: message('status504Title'),
      meaning: message('status504Meaning'),
      kind: 'gateway-timeout',
      side: 'site',
      typicalDuration: duration.minutes,
      reason: 'timeout',
      source: `${RFC9110}15.6.5`,
    },
  ],
  [
    505,
    {
      title: message('status505Title'),
      meaning: message('status505Meaning'),
      kind: 'not-supported',
      side: 'either',
      typicalDuration: duration.untilFixed,
      reason: 'not-supported',
      source: `${RFC9110}15.6.6`,
    },
  ],
  [
    506,
    {
      title: message('status506Title'),
      meaning: message('status506Meaning'),
      kind: 'not-supported',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'not-supported',
      source: 'https://www.rfc-editor.org/rfc/rfc2295#section-8.1',
    },
  ],
  [
    507,
    {
      title: message('status507Title'),
      meaning: message('status507Meaning'),
      kind: 'storage',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'insufficient-storage',
      source: 'https://www.rfc-editor.org/rfc/rfc4918#section-11.5',
    },
  ],
  [
    508,
    {
      title: message('status508Title'),
      meaning: message('status508Meaning'),
      kind: 'storage',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'loop',
      source: 'https://www.rfc-editor.org/rfc/rfc5842#section-7.2',
    },
  ],
  // Unassigned by IANA, but shared hosts (cPanel) answer it when a site used up its monthly traffic.
  [
    509,
    {
      title: message('status509Title'),
      meaning: message('status509Meaning'),
      kind: 'unavailable',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'bandwidth',
      source: 'https://www.iana.org/assignments/http-status-codes/http-status-codes.xhtml',
    },
  ],
  [
    510,
    {
      title: message('status510Title'),
      meaning: message('status510Meaning'),
      kind: 'not-supported',
      side: 'either',
      typicalDuration: duration.untilFixed,
      reason: 'not-supported',
      source: 'https://www.rfc-editor.org/rfc/rfc2774#section-7',
    },
  ],
  [
    511,
    {
      title: message('status511Title'),
      meaning: message('status511Meaning'),
      kind: 'network-auth',
      side: 'visitor',
      typicalDuration: duration.untilSignIn,
      reason: 'network-sign-in',
      source: 'https://www.rfc-editor.org/rfc/rfc6585#section-6',
    },
  ],
  [
    520,
    {
      title: message('status520Title'),
      meaning: message('status520Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.minutes,
      reason: 'unknown-response',
      source: `${CLOUDFLARE_5XX}error-520/`,
    },
  ],
  [
    521,
    {
      title: message('status521Title'),
      meaning: message('status521Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.hours,
      reason: 'refused',
      source: `${CLOUDFLARE_5XX}error-521/`,
    },
  ],
  [
    522,
    {
      title: message('status522Title'),
      meaning: message('status522Meaning'),
      kind: 'gateway-timeout',
      side: 'site',
      typicalDuration: duration.minutes,
      reason: 'connect-timeout',
      source: `${CLOUDFLARE_5XX}error-522/`,
    },
  ],
  [
    523,
    {
      title: message('status523Title'),
      meaning: message('status523Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.hours,
      reason: 'unreachable',
      source: `${CLOUDFLARE_5XX}error-523/`,
    },
  ],
  [
    524,
    {
      title: message('status524Title'),
      meaning: message('status524Meaning'),
      kind: 'gateway-timeout',
      side: 'site',
      typicalDuration: duration.minutes,
      reason: 'read-timeout',
      source: `${CLOUDFLARE_5XX}error-524/`,
    },
  ],
  [
    525,
    {
      title: message('status525Title'),
      meaning: message('status525Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'tls-handshake',
      source: `${CLOUDFLARE_5XX}error-525/`,
    },
  ],
  [
    526,
    {
      title: message('status526Title'),
      meaning: message('status526Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'bad-certificate',
      source: `${CLOUDFLARE_5XX}error-526/`,
    },
  ],
  // Railgun was retired in 2024, but 527 pages still turn up from caches and old setups.
  [
    527,
    {
      title: message('status527Title'),
      meaning: message('status527Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'railgun',
      source: 'https://blog.cloudflare.com/deprecating-railgun/',
    },
  ],
  // Not Cloudflare's: some APIs (Anthropic's, Qualys SSL Labs) answer 529 when they shed load.
  [
    529,
    {
      title: message('status529Title'),
      meaning: message('status529Meaning'),
      kind: 'unavailable',
      side: 'site',
      typicalDuration: duration.seconds,
      reason: 'overloaded',
      source: 'https://docs.anthropic.com/en/api/errors',
    },
  ],
  [
    530,
    {
      title: message('status530Title'),
      meaning: message('status530Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'origin-dns',
      source: `${CLOUDFLARE_5XX}error-530/`,
    },
  ],
  // Unofficial codes some proxies use for their own timeouts towards the next server.
  [
    598,
    {
      title: message('status598Title'),
      meaning: message('status598Meaning'),
      kind: 'gateway-timeout',
      side: 'site',
      typicalDuration: duration.minutes,
      reason: 'read-timeout',
      source: 'https://en.wikipedia.org/wiki/List_of_HTTP_status_codes#Unofficial_codes',
    },
  ],
  [
    599,
    {
      title: message('status599Title'),
      meaning: message('status599Meaning'),
      kind: 'gateway-timeout',
      side: 'site',
      typicalDuration: duration.minutes,
      reason: 'connect-timeout',
      source: 'https://en.wikipedia.org/wiki/List_of_HTTP_status_codes#Unofficial_codes',
    },
  ],
]);

/**
 * Cloudflare's 1xxx codes that come with a 5xx status (530 mostly, 500 and 503 for Workers and the edge queue), read
 * from the page body. The title keeps the HTTP code as a placeholder: a 1101 arrives as 500, a 1016 as 530.
 */
export const CLOUDFLARE_CODES: ReadonlyMap<string, (statusCode: number) => StatusEntry> = new Map<
  string,
  (statusCode: number) => StatusEntry
>([
  [
    '1000',
    (code) => ({
      title: message('cloudflare1000Title', code),
      meaning: message('cloudflare1000Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'edge-config',
      source: `${CLOUDFLARE_1XXX}error-1000/`,
    }),
  ],
  [
    '1001',
    (code) => ({
      title: message('cloudflare1001Title', code),
      meaning: message('cloudflare1001Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'origin-dns',
      source: `${CLOUDFLARE_1XXX}error-1001/`,
    }),
  ],
  [
    '1002',
    (code) => ({
      title: message('cloudflare1002Title', code),
      meaning: message('cloudflare1002Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'edge-config',
      source: `${CLOUDFLARE_1XXX}error-1002/`,
    }),
  ],
  [
    '1004',
    (code) => ({
      title: message('cloudflare1004Title', code),
      meaning: message('cloudflare1004Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.minutes,
      reason: 'edge-config',
      source: `${CLOUDFLARE_1XXX}error-1004/`,
    }),
  ],
  [
    '1014',
    (code) => ({
      title: message('cloudflare1014Title', code),
      meaning: message('cloudflare1014Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'edge-config',
      source: `${CLOUDFLARE_1XXX}error-1014/`,
    }),
  ],
  [
    '1016',
    (code) => ({
      title: message('cloudflare1016Title', code),
      meaning: message('cloudflare1016Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'origin-dns',
      source: `${CLOUDFLARE_1XXX}error-1016/`,
    }),
  ],
  [
    '1033',
    (code) => ({
      title: message('cloudflare1033Title', code),
      meaning: message('cloudflare1033Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.minutes,
      reason: 'tunnel',
      source: `${CLOUDFLARE_1XXX}error-1033/`,
    }),
  ],
  [
    '1034',
    (code) => ({
      title: message('cloudflare1034Title', code),
      meaning: message('cloudflare1034Meaning'),
      kind: 'gateway-error',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'edge-config',
      source: `${CLOUDFLARE_1XXX}error-1034/`,
    }),
  ],
  [
    '1101',
    (code) => ({
      title: message('cloudflare1101Title', code),
      meaning: message('cloudflare1101Meaning'),
      kind: 'server-error',
      side: 'site',
      typicalDuration: duration.untilFixed,
      reason: 'edge-code-failed',
      source: `${CLOUDFLARE_1XXX}error-1101/`,
    }),
  ],
  [
    '1102',
    (code) => ({
      title: message('cloudflare1102Title', code),
      meaning: message('cloudflare1102Meaning'),
      kind: 'server-error',
      side: 'site',
      typicalDuration: duration.minutes,
      reason: 'edge-code-limit',
      source: `${CLOUDFLARE_1XXX}error-1102/`,
    }),
  ],
  [
    '1200',
    (code) => ({
      title: message('cloudflare1200Title', code),
      meaning: message('cloudflare1200Meaning'),
      kind: 'unavailable',
      side: 'site',
      typicalDuration: duration.seconds,
      reason: 'edge-queue-full',
      source: `${CLOUDFLARE_1XXX}error-1200/`,
    }),
  ],
]);

/** The failures a visitor meets instead of a status code. */
export const NETWORK_CATALOGUE: Readonly<Record<NetworkFailure, StatusEntry>> = {
  'connection-refused': {
    title: message('networkRefusedTitle'),
    meaning: message('networkRefusedMeaning'),
    kind: 'network',
    side: 'site',
    typicalDuration: duration.hours,
    reason: 'network-connection-refused',
    source: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.5.2',
  },
  'connection-reset': {
    title: message('networkResetTitle'),
    meaning: message('networkResetMeaning'),
    kind: 'network',
    side: 'either',
    typicalDuration: duration.seconds,
    reason: 'network-connection-reset',
    source: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.5.2',
  },
  dns: {
    title: message('networkDnsTitle'),
    meaning: message('networkDnsMeaning'),
    kind: 'network',
    side: 'either',
    typicalDuration: duration.hours,
    reason: 'network-dns',
    source: 'https://www.rfc-editor.org/rfc/rfc1034',
  },
  timeout: {
    title: message('networkTimeoutTitle'),
    meaning: message('networkTimeoutMeaning'),
    kind: 'network',
    side: 'either',
    typicalDuration: duration.minutes,
    reason: 'network-timeout',
    source: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.8.3',
  },
  tls: {
    title: message('networkTlsTitle'),
    meaning: message('networkTlsMeaning'),
    kind: 'network',
    side: 'either',
    typicalDuration: duration.untilFixed,
    reason: 'network-tls',
    source: 'https://www.rfc-editor.org/rfc/rfc8446#section-6',
  },
  offline: {
    title: message('networkOfflineTitle'),
    meaning: message('networkOfflineMeaning'),
    kind: 'network',
    side: 'visitor',
    typicalDuration: duration.untilOnline,
    reason: 'network-offline',
    source:
      'https://developer.chrome.com/docs/extensions/reference/api/webRequest#event-onErrorOccurred',
  },
  other: {
    title: message('networkOtherTitle'),
    meaning: message('networkOtherMeaning'),
    kind: 'network',
    side: 'unknown',
    typicalDuration: duration.minutes,
    reason: 'network-other',
    source:
      'https://developer.chrome.com/docs/extensions/reference/api/webRequest#event-onErrorOccurred',
  },
};

/** A bot check or security block in front of the site: the site itself is not failing. */
export const challengeEntry = (statusCode: number): StatusEntry => ({
  title: message('challengeTitle', statusCode),
  meaning: message('challengeMeaning'),
  kind: 'challenge',
  side: 'visitor',
  typicalDuration: duration.afterCheck,
  reason: 'challenge',
  source:
    'https://developers.cloudflare.com/cloudflare-challenges/challenge-types/challenge-pages/detect-response/',
});

/** Any other 5xx (or a status outside the range that still reached here) gets a plain entry rather than none. */
export const unknownStatusEntry = (statusCode: number): StatusEntry => ({
  title: message('statusUnknownTitle', statusCode),
  meaning: message('statusUnknownMeaning'),
  kind: 'server-error',
  side: 'site',
  typicalDuration: duration.minutes,
  reason: 'server-failed',
  source: `${RFC9110}15.6`,
});

/** The entry for a status, refined by the vendor code its body carries when there is one. */
export function statusEntry(statusCode: number, vendorCode?: string): StatusEntry {
  const vendor = vendorCode === undefined ? undefined : CLOUDFLARE_CODES.get(vendorCode);
  return vendor?.(statusCode) ?? STATUS_CATALOGUE.get(statusCode) ?? unknownStatusEntry(statusCode);
}
