/**
 * The diagnosis engine's contract: what the browser saw in, one structured diagnosis out. Everything here is data, so
 * the background, the panel, the popup and the options page all show the same truth.
 */
import type { Message } from '../i18n/messages';

/** A header as webRequest reports it (`value` may be absent when only `binaryValue` was sent). */
export interface HeaderEntry {
  readonly name: string;
  readonly value?: string | undefined;
}

/** What a content script could read from a page with a body: bounded, plain text only. */
export interface PageMarkers {
  readonly title: string;
  /** Visible text near the top of the page, at most a few kilobytes. */
  readonly text: string;
}

export type FrameKind = 'main_frame' | 'sub_frame' | 'xmlhttprequest' | 'other';

/** The network failures a visitor meets instead of a status code. */
export type NetworkFailure =
  'connection-refused' | 'connection-reset' | 'dns' | 'timeout' | 'tls' | 'offline' | 'other';

export interface Observation {
  readonly url: string;
  readonly method: string;
  /** 0 when the request ended in a network failure. */
  readonly statusCode: number;
  /** `HTTP/1.1 502 Bad Gateway`; absent or reason-less over HTTP/2 and 3. */
  readonly statusLine?: string | undefined;
  readonly headers: readonly HeaderEntry[];
  readonly frame: FrameKind;
  readonly ip?: string | undefined;
  /** The browser's own error string (`net::ERR_CONNECTION_REFUSED`, `NS_ERROR_NET_RESET`, ...). */
  readonly networkError?: string | undefined;
  readonly page?: PageMarkers | undefined;
  /** Epoch milliseconds. */
  readonly time: number;
}

export type GatewayRole =
  | 'cdn'
  | 'reverse-proxy'
  | 'load-balancer'
  | 'paas'
  | 'api-gateway'
  | 'waf'
  | 'forward-proxy'
  | 'origin-server';

export type Confidence = 'high' | 'medium' | 'low';

/** One observed fact that points at a product, kept so the report can show why a product was named. */
export interface Evidence {
  readonly source: 'header' | 'body' | 'title' | 'status';
  /** Header name in lower case, or a short label for a body marker. */
  readonly name: string;
  /** The matched value, truncated to a sensible length. */
  readonly value: string;
}

export interface GatewayMatch {
  /** Stable id, kebab-case: `cloudflare`, `aws-cloudfront`, `ingress-nginx`. */
  readonly id: string;
  /** The product's usual brand name: `Cloudflare`, `AWS CloudFront`. Not translated. */
  readonly name: string;
  readonly role: GatewayRole;
  readonly confidence: Confidence;
  readonly evidence: readonly Evidence[];
  /**
   * True when the error response itself (its page, or a vendor error header such as `x-amzn-errortype`) came from this
   * product: it is then the hop that could not get a good answer from the next one.
   */
  readonly producedError: boolean;
}

/** visitor -> each identified gateway (outermost first) -> the site's own server. */
export type Hop =
  | { readonly kind: 'visitor' }
  | { readonly kind: 'gateway'; readonly gateway: GatewayMatch }
  | { readonly kind: 'unidentified-gateway' }
  | { readonly kind: 'origin' };

export type Side = 'site' | 'visitor' | 'either' | 'unknown';

/** The visitor-facing sort of failure; drives colour, wording and which steps make sense. */
export type FailureKind =
  | 'gateway-error' // a gateway could not get a good answer from the server behind it (502, 520-527, ...)
  | 'gateway-timeout' // it waited too long (504, 522, 524, ...)
  | 'unavailable' // the site says it is down or overloaded (503, 529, ...)
  | 'server-error' // the site's own code failed (500, ...)
  | 'not-supported' // 501, 505, 506, 510
  | 'storage' // 507, 508
  | 'network-auth' // 511: a captive portal between the visitor and the internet
  | 'challenge' // a bot check, not an outage
  | 'network'; // no HTTP answer at all

export interface RequestId {
  /** Header name in lower case, or `body:<label>` for one read from the page. */
  readonly source: string;
  /** What the product calls it: `Ray ID`, `Request ID`, `Reference #`. Brand vocabulary, not translated. */
  readonly label: string;
  readonly value: string;
}

export interface RetryAfter {
  /** Seconds from the observation, clamped to a sane range. */
  readonly seconds: number;
  /** Epoch milliseconds. */
  readonly at: number;
}

export interface GuidanceStep {
  /** Stable id the UI maps to an action: `retry`, `hard-reload`, `clear-site-data`, `flush-dns`, ... */
  readonly id: string;
  readonly title: Message;
  readonly why: Message;
  /** When this step cannot help (shown beside it), if it has a limit worth saying. */
  readonly limit?: Message | undefined;
}

export interface Diagnosis {
  readonly statusCode: number;
  readonly kind: FailureKind;
  /** `502 Bad Gateway`-style name. */
  readonly title: Message;
  /** What the status means, in a sentence. */
  readonly meaning: Message;
  /** Gateways, most specific (closest to the site's server) first. Empty when none could be named. */
  readonly chain: readonly GatewayMatch[];
  /** The hop diagram, visitor first. */
  readonly hops: readonly Hop[];
  /** Index into `hops` of the hop whose link *to the next hop* failed; null when nothing failed (a challenge). */
  readonly failedHop: number | null;
  /** One sentence: which hop failed and why, naming the gateway. */
  readonly explanation: Message;
  readonly side: Side;
  /** How long this usually lasts. */
  readonly typicalDuration: Message;
  readonly visitorSteps: readonly GuidanceStep[];
  readonly ownerSteps: readonly GuidanceStep[];
  readonly requestIds: readonly RequestId[];
  readonly retryAfter: RetryAfter | null;
  /** Cloudflare 1xxx and similar codes carried in the body. */
  readonly vendorCode?: string | undefined;
}
