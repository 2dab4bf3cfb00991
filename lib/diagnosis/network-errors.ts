import type { NetworkFailure } from './types';

/**
 * The browsers' own error strings, as `webRequest.onErrorOccurred` reports them, mapped to the failures a visitor can
 * be told about. Chrome's names come from net/base/net_error_list.h
 * (https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h), Firefox's from
 * xpcom/base/ErrorList.py and NSS/mozilla::pkix for TLS.
 */
const EXACT: ReadonlyMap<string, NetworkFailure> = new Map(
  Object.entries({
    // Chrome
    'net::ERR_CONNECTION_REFUSED': 'connection-refused',
    'net::ERR_CONNECTION_RESET': 'connection-reset',
    'net::ERR_CONNECTION_CLOSED': 'connection-reset',
    'net::ERR_CONNECTION_ABORTED': 'connection-reset',
    'net::ERR_EMPTY_RESPONSE': 'connection-reset',
    'net::ERR_NAME_NOT_RESOLVED': 'dns',
    'net::ERR_NAME_RESOLUTION_FAILED': 'dns',
    'net::ERR_DNS_TIMED_OUT': 'dns',
    'net::ERR_DNS_MALFORMED_RESPONSE': 'dns',
    'net::ERR_DNS_SERVER_FAILED': 'dns',
    'net::ERR_ICANN_NAME_COLLISION': 'dns',
    'net::ERR_CONNECTION_TIMED_OUT': 'timeout',
    'net::ERR_TIMED_OUT': 'timeout',
    'net::ERR_INTERNET_DISCONNECTED': 'offline',
    'net::ERR_NETWORK_CHANGED': 'connection-reset',
    'net::ERR_NETWORK_IO_SUSPENDED': 'offline',
    // Firefox
    NS_ERROR_CONNECTION_REFUSED: 'connection-refused',
    NS_ERROR_NET_RESET: 'connection-reset',
    NS_ERROR_NET_INTERRUPT: 'connection-reset',
    NS_ERROR_NET_EMPTY_RESPONSE: 'connection-reset',
    NS_ERROR_NET_PARTIAL_TRANSFER: 'connection-reset',
    NS_ERROR_UNKNOWN_HOST: 'dns',
    NS_ERROR_NET_TIMEOUT: 'timeout',
    NS_ERROR_NET_TIMEOUT_EXTERNAL: 'timeout',
    NS_ERROR_OFFLINE: 'offline',
  } satisfies Record<string, NetworkFailure>),
);

/** Whole families: every certificate and handshake error means the secure connection could not be set up. */
const PREFIXES: readonly (readonly [string, NetworkFailure])[] = [
  ['net::ERR_CERT_', 'tls'],
  ['net::ERR_SSL_', 'tls'],
  ['net::ERR_BAD_SSL_', 'tls'],
  ['SSL_ERROR_', 'tls'],
  ['SEC_ERROR_', 'tls'],
  ['MOZILLA_PKIX_ERROR_', 'tls'],
];

/**
 * Not failures of the site at all: the request was cancelled (navigation away, a new load), or the visitor's own
 * browser or an extension blocked it. Nothing to explain.
 */
const NOT_FAILURES = new Set([
  'net::ERR_ABORTED',
  'net::ERR_BLOCKED_BY_CLIENT',
  'net::ERR_BLOCKED_BY_ADMINISTRATOR',
  'net::ERR_BLOCKED_BY_RESPONSE',
  'net::ERR_BLOCKED_BY_ORB',
  'NS_BINDING_ABORTED',
  'NS_ERROR_ABORT',
  'NS_BINDING_REDIRECTED',
  'NS_BINDING_RETARGETED',
  'NS_ERROR_DOM_COOP_FAILED',
  'NS_ERROR_DOM_COEP_FAILED',
]);

/** No browser error name is longer; anything longer is not one. */
const MAX_ERROR_LENGTH = 128;

/**
 * What kind of network failure a browser error string describes, or null when it is a cancellation or a block by the
 * browser itself (nothing the site or the network did).
 */
export function networkFailureOf(error: string | undefined): NetworkFailure | null {
  if (typeof error !== 'string') return 'other';
  const name = error.trim().slice(0, MAX_ERROR_LENGTH);
  if (NOT_FAILURES.has(name)) return null;
  const exact = EXACT.get(name);
  if (exact) return exact;
  const family = PREFIXES.find(([prefix]) => name.startsWith(prefix));
  return family ? family[1] : 'other';
}
