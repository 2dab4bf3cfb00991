/**
 * Turns what webRequest reports into an `Observation` the diagnosis engine reads, keeping only what a tab's record
 * needs and bounding it, because records live in storage.session (a 10 MB quota shared by every tab).
 */
import type { FrameKind, HeaderEntry, Observation } from '../diagnosis/types';

/** The fields of webRequest's onCompleted/onHeadersReceived details this product reads (same in Chrome and Firefox). */
export interface CompletedRequest {
  readonly url: string;
  readonly method: string;
  readonly statusCode: number;
  readonly statusLine?: string | undefined;
  readonly responseHeaders?: readonly HeaderEntry[] | undefined;
  readonly type: string;
  readonly ip?: string | undefined;
  readonly timeStamp: number;
}

export const MAX_STORED_HEADERS = 64;
export const MAX_STORED_HEADER_VALUE = 1024;
/**
 * What one observation's headers may take, counted as storage counts (JSON). The headers of real gateway errors take
 * a tenth of it at most (the largest of the 71 in tests/fixtures/gateways: 405 bytes); a hostile server's take no more.
 */
export const MAX_STORED_HEADER_BYTES = 4096;
/** The engine reads no further into a status line. */
export const MAX_STORED_STATUS_LINE = 256;
/** No method is longer (VERSION-CONTROL has 15 letters), but a page's own calls may send any token. */
const MAX_STORED_METHOD = 32;
/**
 * Servers must accept request lines of at least 8,000 octets (RFC 9112 section 3), so a longer address is rare; one
 * longer still is kept cut here, and still matched to its tab (see `documentOf`).
 * https://www.rfc-editor.org/rfc/rfc9112#section-3
 */
export const MAX_STORED_URL = 8192;

export function frameKind(type: string): FrameKind {
  return type === 'main_frame' || type === 'sub_frame' || type === 'xmlhttprequest'
    ? type
    : 'other';
}

/** Headers in the order received, each cut, within the byte budget. */
function storedHeaders(headers: readonly HeaderEntry[]): HeaderEntry[] {
  const kept: HeaderEntry[] = [];
  let budget = MAX_STORED_HEADER_BYTES;
  for (const { name, value } of headers.slice(0, MAX_STORED_HEADERS)) {
    const header = {
      name: name.slice(0, MAX_STORED_HEADER_VALUE),
      value: value?.slice(0, MAX_STORED_HEADER_VALUE),
    };
    const bytes = JSON.stringify(header).length;
    // A long header (a site's Content-Security-Policy) is left out, not the short ones after it that name a gateway.
    if (bytes > budget) continue;
    budget -= bytes;
    kept.push(header);
  }
  return kept;
}

export function observe(request: CompletedRequest): Observation {
  return {
    url: request.url.slice(0, MAX_STORED_URL),
    method: request.method.slice(0, MAX_STORED_METHOD),
    statusCode: request.statusCode,
    statusLine: request.statusLine?.slice(0, MAX_STORED_STATUS_LINE),
    headers: storedHeaders(request.responseHeaders ?? []),
    frame: frameKind(request.type),
    ip: request.ip,
    time: request.timeStamp,
  };
}

/** The document an address names, as far as a record keeps it: no fragment, cut where stored addresses are cut. */
export function documentOf(url: string): string {
  return (url.split('#', 1)[0] ?? url).slice(0, MAX_STORED_URL);
}

/** Same document: a record applies to the tab while the tab still shows the URL that failed (fragment aside). */
export function sameDocument(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return documentOf(a) === documentOf(b);
}
