import { describe, expect, it } from 'vitest';
import { networkFailureOf } from './network-errors';

describe('networkFailureOf', () => {
  // Names as the browsers report them in webRequest.onErrorOccurred's `error`.
  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'connection-refused'],
    ['NS_ERROR_CONNECTION_REFUSED', 'connection-refused'],
    ['net::ERR_CONNECTION_RESET', 'connection-reset'],
    ['net::ERR_EMPTY_RESPONSE', 'connection-reset'],
    ['NS_ERROR_NET_RESET', 'connection-reset'],
    ['NS_ERROR_NET_INTERRUPT', 'connection-reset'],
    ['net::ERR_NAME_NOT_RESOLVED', 'dns'],
    ['NS_ERROR_UNKNOWN_HOST', 'dns'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
    ['NS_ERROR_NET_TIMEOUT', 'timeout'],
    ['net::ERR_CERT_DATE_INVALID', 'tls'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'tls'],
    ['SEC_ERROR_UNKNOWN_ISSUER', 'tls'],
    ['SSL_ERROR_BAD_CERT_DOMAIN', 'tls'],
    ['MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', 'tls'],
    ['net::ERR_INTERNET_DISCONNECTED', 'offline'],
    ['NS_ERROR_OFFLINE', 'offline'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'other'],
    ['something new', 'other'],
  ])('%s is %s', (error, expected) => {
    expect(networkFailureOf(error)).toBe(expected);
  });

  it.each(['net::ERR_ABORTED', 'net::ERR_BLOCKED_BY_CLIENT', 'NS_BINDING_ABORTED'])(
    '%s is a cancellation or a block by the browser, not a failure',
    (error) => {
      expect(networkFailureOf(error)).toBeNull();
    },
  );

  it('does not mistake object property names for error names', () => {
    expect(networkFailureOf('constructor')).toBe('other');
    expect(networkFailureOf('__proto__')).toBe('other');
  });

  it('treats a missing error string as an unnamed failure', () => {
    expect(networkFailureOf(undefined)).toBe('other');
  });
});
