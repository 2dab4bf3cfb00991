/**
 * Every real gateway response in tests/fixtures/gateways through the whole engine, as the extension sees it (headers
 * as webRequest lists them, the page as the content script reads it). The expectations are written from each
 * fixture's `meaning` and `source`: which kind of failure it is, which hop failed, and the first step each audience
 * is given. A new fixture needs its line here.
 */
import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { createTranslator } from '../i18n/messages';
import {
  fixtureMarkers,
  headerEntries,
  loadGatewayFixtures,
  type GatewayFixture,
} from '../../tests/support/fixtures';
import { diagnose } from './diagnose';
import type { VisitorStepId } from './guidance';
import type { Diagnosis, FailureKind } from './types';

const translate = createTranslator(english);

interface Expected {
  readonly kind: FailureKind;
  /** The failed hop: a gateway id, `origin`, `unidentified-gateway`, or null for a bot check. */
  readonly failed: string | null;
  readonly visitor: VisitorStepId;
  /** The owner's first step id. */
  readonly owner: string;
}

const gatewayError = (failed: string, owner: string): Expected => ({
  kind: 'gateway-error',
  failed,
  visitor: 'wait-retry',
  owner,
});
const gatewayTimeout = (failed: string, owner: string): Expected => ({
  kind: 'gateway-timeout',
  failed,
  visitor: 'wait-retry',
  owner,
});
const unavailable = (failed: string, owner: string): Expected => ({
  kind: 'unavailable',
  failed,
  visitor: 'wait-retry',
  owner,
});
const serverError = (failed: string, owner: string): Expected => ({
  kind: 'server-error',
  failed,
  visitor: 'wait-retry',
  owner,
});

const EXPECTED: Readonly<Record<string, Expected>> = {
  // "Akamai edge (GHost) failed to process the request or got an unusable response from the origin"
  'akamai-500': serverError('akamai', 'akamai-reference'),
  // "Akamai's edge could not resolve the origin hostname"
  'akamai-503-dns-failure': unavailable('akamai', 'akamai-reference'),
  'akamai-504-gateway-timeout': gatewayTimeout('akamai', 'akamai-reference'),
  // "The site's own ASP.NET application failed ... Alibaba Cloud CDN passed that 500 through": the site's server.
  'alibaba-cloud-cdn-500-origin-relayed': serverError('origin', 'server-logs'),
  'apache-502-legacy-dns': gatewayError('apache', 'apache-error-log'),
  'apache-502-proxy-error': gatewayError('apache', 'apache-error-log'),
  // No product-specific steps: the generic ones start with "is the application running".
  'apache-traffic-server-502-could-not-connect': gatewayError(
    'apache-traffic-server',
    'app-running',
  ),
  // "Apigee ... could not connect to its target": a gateway with no server to pass the request to.
  'apigee-503-target-connect-timeout': unavailable('apigee', 'app-running'),
  'aws-alb-502': gatewayError('aws-elb', 'alb-target-health'),
  'aws-alb-504': gatewayTimeout('aws-elb', 'alb-idle-timeout'),
  'aws-apigw-http-503': unavailable('aws-api-gateway', 'apigw-integration'),
  // The API Gateway behind CloudFront produced it: "Lambda proxy integration returned a malformed response".
  'aws-apigw-rest-502': gatewayError('aws-api-gateway', 'apigw-integration'),
  'aws-cloudfront-502-origin-closed': gatewayError('aws-cloudfront', 'cloudfront-origin'),
  'aws-cloudfront-503-lambda-edge': unavailable('aws-cloudfront', 'cloudfront-origin'),
  'aws-elb-503-classic-at-capacity': unavailable('aws-elb', 'alb-target-health'),
  'aws-elb-504-classic-gateway-timeout': gatewayTimeout('aws-elb', 'alb-idle-timeout'),
  'azure-app-gateway-502': gatewayError('azure-application-gateway', 'app-gateway-health'),
  // "App Service's front end (ARR) gave up ... without a response from the app"
  'azure-app-service-500-request-timed-out': serverError('azure-app-service', 'app-service-logs'),
  'azure-front-door-503': unavailable('azure-front-door', 'front-door-origins'),
  // "A bunny.net edge server could not get a usable answer from the pull zone's origin (the origin is offline, its
  // firewall blocks bunny.net's edge servers ...)": is the origin up and reachable.
  'bunny-cdn-502-origin-unreachable': gatewayError('bunny-cdn', 'app-running'),
  'caddy-502': gatewayError('caddy', 'caddy-log'),
  'caddy-503': unavailable('caddy', 'caddy-log'),
  'cloud-foundry-502-endpoint-failure': gatewayError('cloud-foundry', 'cloud-foundry-logs'),
  // Cloudflare's branded page for an origin's 502: Cloudflare is the hop that could not get an answer.
  'cloudflare-502': gatewayError('cloudflare', 'cloudflare-collect'),
  'cloudflare-520': gatewayError('cloudflare', 'cloudflare-520'),
  'cloudflare-522': gatewayTimeout('cloudflare', 'cloudflare-allow-ips'),
  'cloudflare-523': gatewayError('cloudflare', 'cloudflare-origin-ip'),
  'cloudflare-524-timeout': gatewayTimeout('cloudflare', 'cloudflare-524'),
  // A TLS set-up error only the owner can fix: the visitor is first told how to check and get around it.
  'cloudflare-525': {
    kind: 'gateway-error',
    failed: 'cloudflare',
    visitor: 'down-for-everyone',
    owner: 'cloudflare-525',
  },
  'cloudflare-530-1016-plaintext': {
    kind: 'gateway-error',
    failed: 'cloudflare',
    visitor: 'down-for-everyone',
    owner: 'cloudflare-dns',
  },
  // "no cloudflared connector ... is connected": it comes back when cloudflared reconnects.
  'cloudflare-530-1033-tunnel-plaintext': gatewayError('cloudflare', 'cloudflare-tunnel'),
  // "the site code running at the edge failed, not an origin server"
  'cloudflare-workers-500-1101-plaintext': serverError('cloudflare-workers', 'cloudflare-worker'),
  // Status 504, "no healthy instance of the app component".
  'digitalocean-app-platform-504-no-healthy-upstream': gatewayTimeout(
    'digitalocean-app-platform',
    'do-app-logs',
  ),
  'envoy-503-upstream-reset': unavailable('envoy', 'envoy-flags'),
  'envoy-504-upstream-request-timeout': gatewayTimeout('envoy', 'envoy-flags'),
  'fastly-503-connection-timeout': unavailable('fastly', 'fastly-origin'),
  'fastly-503-first-byte-timeout-legacy': unavailable('fastly', 'fastly-origin'),
  // LiteFS answered inside the Machine; the Fly Proxy is the hop we can name.
  'fly-io-502-litefs-proxy-error': gatewayError('fly-io', 'fly-logs'),
  'gcp-https-lb-502': gatewayError('google-cloud-load-balancing', 'gclb-backend'),
  // "GitHub's own front end ... answered in place of the GitHub service": GitHub's to fix, its status page says when.
  'github-502-api-server-error': gatewayError('github', 'github-status'),
  // "App Engine's front end answered with its own error page instead of the app's response"
  'google-app-engine-500-legacy': serverError('google-app-engine', 'gcp-logs'),
  'google-cloud-functions-500-could-not-handle': serverError('google-cloud-functions', 'gcp-logs'),
  'google-cloud-run-503-not-available-yet': unavailable('google-cloud-run', 'gcp-logs'),
  // CloudFront "passed the origin's 500 through": Google's front end wrote it.
  'google-frontend-500-behind-cloudfront': serverError('google-frontend', 'gcp-logs'),
  'google-frontend-502-robot': gatewayError('google-frontend', 'gcp-logs'),
  'haproxy-502': gatewayError('haproxy', 'haproxy-log'),
  'haproxy-504': gatewayTimeout('haproxy', 'haproxy-log'),
  'heroku-503-app-error-legacy-router': unavailable('heroku', 'heroku-logs'),
  // Its expected chain is plain nginx: the controller's page is nginx's own.
  'ingress-nginx-503': unavailable('nginx', 'nginx-error-log'),
  // "could not open a connection to the pod ... after proxy-connect-timeout ... it gave up": a timeout at the ingress.
  'ingress-nginx-504-connect-timeout': gatewayTimeout('ingress-nginx', 'nginx-timeouts'),
  'istio-503-connect-refused': unavailable('istio', 'istio-proxy'),
  'kong-502-json': gatewayError('kong', 'kong-upstream'),
  'kong-503-plain': unavailable('kong', 'kong-upstream'),
  'litespeed-503': unavailable('litespeed', 'litespeed-limits'),
  'microsoft-iis-503-app-pool-stopped': unavailable('microsoft-iis', 'iis-failed-request'),
  'netlify-502-empty': gatewayError('netlify', 'netlify-function'),
  // "nginx hit an internal error": nginx itself, not what is behind it.
  'nginx-500': serverError('nginx', 'nginx-internal-error'),
  'nginx-502-chrome': gatewayError('nginx', 'nginx-error-log'),
  'nginx-504-tokens-off': gatewayTimeout('nginx', 'nginx-timeouts'),
  'openresty-504': gatewayTimeout('openresty', 'nginx-timeouts'),
  'openshift-router-503-application-not-available': unavailable(
    'openshift-router',
    'openshift-route',
  ),
  // "Railway's edge proxy had no healthy instance ... (the app crashed, is still starting, or listens on a different
  // port)": is the app running and listening where Railway expects it.
  'railway-502-application-failed-to-respond': gatewayError('railway', 'app-running'),
  // "Render's router answered before the app was reached"; Cloudflare only relayed it.
  'render-503-hibernate-wake-error': unavailable('render', 'render-logs'),
  // "Shopify's own edge turned the request away ... only Shopify can fix it": its status page and support first.
  'shopify-503-service-unavailable-json': unavailable('shopify', 'shopify-status'),
  'squid-502-connect-fail': gatewayError('squid', 'squid-error'),
  'squid5-502-connect-fail': gatewayError('squid', 'squid-error'),
  // "Supabase's edge runtime answered for it, and the response passed through Cloudflare"
  'supabase-503-edge-function-boot-error': unavailable('supabase', 'supabase-function-logs'),
  'tengine-502': gatewayError('tengine', 'nginx-error-log'),
  'traefik-502': gatewayError('traefik', 'traefik-service'),
  'traefik-503-no-available-server': unavailable('traefik', 'traefik-service'),
  // "Tyk ... could not get a response from the upstream": its own log says why.
  'tyk-500-problem-proxying': serverError('tyk', 'gateway-logs'),
  'varnish-503-backend-fetch-failed': unavailable('varnish', 'varnish-backend'),
  'vercel-500-function-invocation-failed': serverError('vercel', 'vercel-error'),
  'vercel-502-external-rewrite': gatewayError('vercel', 'vercel-error'),
  'vercel-504-function-timeout': gatewayTimeout('vercel', 'vercel-error'),
};

function diagnoseFixture(fixture: GatewayFixture): Diagnosis {
  return diagnose({
    url: 'https://shop.example.com/checkout',
    method: 'GET',
    statusCode: fixture.status,
    statusLine: `HTTP/1.1 ${fixture.status} ${fixture.reason}`,
    headers: headerEntries(fixture),
    frame: 'main_frame',
    page: fixtureMarkers(fixture),
    time: Date.UTC(2025, 8, 1, 12, 0, 0),
  });
}

function failedHopName(diagnosis: Diagnosis): string | null {
  if (diagnosis.failedHop === null) return null;
  const hop = diagnosis.hops[diagnosis.failedHop];
  return hop?.kind === 'gateway' ? hop.gateway.id : (hop?.kind ?? 'none');
}

const fixtures = loadGatewayFixtures();

describe('diagnose on every real gateway response', () => {
  it('has an expectation for every fixture, and none for a fixture that is gone', () => {
    const ids = fixtures.map((fixture) => fixture.id);
    expect(ids.filter((id) => !(id in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it.each(fixtures.map((fixture) => [fixture.id, fixture] as const))('%s', (id, fixture) => {
    const expected = EXPECTED[id];
    if (!expected) return;
    const diagnosis = diagnoseFixture(fixture);
    expect({
      kind: diagnosis.kind,
      failed: failedHopName(diagnosis),
      visitor: diagnosis.visitorSteps[0]?.id,
      owner: diagnosis.ownerSteps[0]?.id,
    }).toEqual(expected);
    const failed = diagnosis.failedHop === null ? undefined : diagnosis.hops[diagnosis.failedHop];
    if (failed?.kind === 'gateway') {
      expect(translate(diagnosis.explanation)).toContain(failed.gateway.name);
    }
  });
});
