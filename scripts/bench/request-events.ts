/**
 * webRequest.onCompleted details as Chromium hands them to the background (no documentUrl, an initiator), for the
 * requests its listener's filter lets through: main frames, sub frames and the page's own XHR/fetch. Failed ones
 * carry the status line and headers of the lab's real gateway responses (tests/fixtures/gateways).
 */
import type { HeaderEntry, PageMarkers } from '../../lib/diagnosis/types';
import { fixtureMarkers, headerEntries, loadGatewayFixtures } from '../../tests/support/fixtures';
import type { RequestDetails } from './built-background';

/** A healthy response's headers: what a typical site sends with a 200. */
const HEALTHY_HEADERS = [
  { name: 'content-type', value: 'application/json; charset=utf-8' },
  { name: 'content-length', value: '1832' },
  { name: 'date', value: 'Thu, 01 Jan 2026 12:00:00 GMT' },
  { name: 'cache-control', value: 'private, max-age=0' },
  { name: 'etag', value: 'W/"728-18f3a1b2c3d"' },
  { name: 'server', value: 'nginx' },
  { name: 'vary', value: 'Accept-Encoding' },
  { name: 'x-request-id', value: '7f3c9a2e-5b1d-4c8e-9f0a-2d6b8e4c1a37' },
  { name: 'strict-transport-security', value: 'max-age=31536000' },
  { name: 'x-content-type-options', value: 'nosniff' },
];

export const pageUrl = (tabId: number, round = 0) =>
  `https://shop-${tabId % 50}.example.com/products/${tabId}?round=${round}`;

/** Browsers number requests anew for each one, across tabs, for as long as they run. */
let requests = 0;

function request(
  tabId: number,
  type: string,
  url: string,
  statusCode: number,
  statusLine: string,
  responseHeaders: readonly HeaderEntry[],
): RequestDetails {
  return {
    requestId: String((requests += 1)),
    tabId,
    frameId: 0,
    parentFrameId: -1,
    type,
    url,
    method: 'GET',
    statusCode,
    statusLine,
    responseHeaders,
    initiator: type === 'main_frame' ? undefined : new URL(url).origin,
    ip: '203.0.113.7',
    fromCache: false,
    timeStamp: Date.now(),
  };
}

export function healthyApiCall(tabId: number): RequestDetails {
  return request(
    tabId,
    'xmlhttprequest',
    `https://api.example.com/stock?item=${tabId}`,
    200,
    'HTTP/1.1 200 OK',
    HEALTHY_HEADERS,
  );
}

export function healthyPage(tabId: number): RequestDetails {
  return request(tabId, 'main_frame', pageUrl(tabId), 200, 'HTTP/1.1 200 OK', HEALTHY_HEADERS);
}

/** A real gateway failure: its status, reason, headers and the page text the background would read. */
export interface Failure {
  readonly id: string;
  readonly statusCode: number;
  readonly statusLine: string;
  readonly headers: readonly HeaderEntry[];
  readonly markers: PageMarkers;
}

/** The `index`th item of a list taken round and round: the benchmark cycles through the real failures. */
export function cycle<T>(list: readonly T[], index: number): T {
  const item = list[index % list.length];
  if (item === undefined) throw new Error('Nothing to cycle through');
  return item;
}

export function realFailures(): Failure[] {
  return loadGatewayFixtures()
    .filter((fixture) => fixture.status >= 500)
    .map((fixture) => ({
      id: fixture.id,
      statusCode: fixture.status,
      statusLine: `HTTP/1.1 ${fixture.status} ${fixture.reason}`,
      headers: headerEntries(fixture),
      markers: fixtureMarkers(fixture) ?? { title: '', text: '' },
    }));
}

export function failedPage(tabId: number, failure: Failure, round = 0): RequestDetails {
  return request(
    tabId,
    'main_frame',
    pageUrl(tabId, round),
    failure.statusCode,
    failure.statusLine,
    failure.headers,
  );
}

/** The page's own call to one of its API hosts, failing. */
export function failedApiCall(tabId: number, failure: Failure, host: number): RequestDetails {
  return request(
    tabId,
    'xmlhttprequest',
    `https://api-${host}.example.com/v1/cart?tab=${tabId}`,
    failure.statusCode,
    failure.statusLine,
    failure.headers,
  );
}
