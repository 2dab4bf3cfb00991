import type { Confidence, GatewayRole } from '../types';

/**
 * Where a product sits between the site's server and the visitor, innermost first. The chain is ordered by it, so a
 * platform behind a CDN comes before the CDN whatever order their headers arrive in.
 */
export const LAYERS = [
  'origin', // the web server that runs the site (Apache, IIS, LiteSpeed)
  'proxy', // a reverse proxy or cache next to the app (nginx, Envoy, Varnish)
  'gateway', // an API gateway, ingress or mesh in front of services (Kong, ingress-nginx, Istio)
  'balancer', // a load balancer in front of servers (ELB, HAProxy, Azure Application Gateway)
  'platform', // a hosting platform that runs the app (Heroku, Vercel, App Engine)
  'provider-edge', // a cloud's own front end, in front of its platforms but behind any CDN the site adds (GFE)
  'edge', // a CDN or WAF the site puts in front of everything (Cloudflare, CloudFront, Akamai)
  'visitor-network', // a proxy on the visitor's side (a corporate Squid)
] as const;

export type Layer = (typeof LAYERS)[number];

/**
 * One observable fact. Regular expressions run on trimmed, capped values and on page text whose whitespace is
 * collapsed to single spaces (as the content script reads it), so write them for that form and keep them linear:
 * bounded repeats, no nested quantifiers, no `g` or `y` flag.
 */
export type Condition =
  | { readonly header: string; readonly value?: RegExp }
  | { readonly title: RegExp }
  | { readonly text: RegExp }
  /** Inclusive range of status codes. */
  | { readonly status: readonly [number, number] }
  /** The reason phrase of an HTTP/1.x status line; absent over HTTP/2 and 3. */
  | { readonly reason: RegExp }
  /** The error came with no page to read: typical of a proxy that only logs why it failed. */
  | { readonly emptyBody: true };

export interface Signal {
  /** Every condition must hold. */
  readonly when: Condition | readonly Condition[];
  /**
   * high: a product-unique header or page marker; medium: strong but imitable, such as a bare `Server` value;
   * low: circumstantial.
   */
  readonly confidence: Confidence;
  /** The response is this product's own error: its page, its error header, or its own status code. */
  readonly producedError?: boolean;
}

export interface Fingerprint {
  readonly id: string;
  readonly name: string;
  readonly role: GatewayRole;
  readonly layer: Layer;
  /**
   * Products this one is built from, whose markers it carries (ingress-nginx is nginx, Istio is Envoy). When both
   * match, only this one is reported, with their evidence.
   */
  readonly builtOn?: readonly string[];
  readonly signals: readonly Signal[];
}

/**
 * The visible text of nginx's built-in error page, which several products reuse: the status heading, then the
 * `<hr><center>signature</center>` tail.
 * https://github.com/nginx/nginx/blob/master/src/http/ngx_http_special_response.c
 */
export function errorPageSignedBy(signature: string): RegExp {
  return new RegExp(`^\\d{3} [A-Za-z' -]{2,40} ${signature}$`);
}
