import { describe, expect, it } from 'vitest';
import {
  fixtureMarkers,
  headerEntries,
  loadGatewayFixtures,
  type GatewayFixture,
} from '../../tests/support/fixtures';
import { fingerprints } from './fingerprints';
import { identifyGateways } from './gateways';
import { indexHeaders } from './headers';

/**
 * Each fixture is one product's own error response, so that product wrote it: the fixture's vendor, by the id the
 * brief gives it.
 */
const producerByVendor: Record<string, string> = {
  Akamai: 'akamai',
  'Apache httpd': 'apache',
  'Apache Traffic Server': 'apache-traffic-server',
  Apigee: 'apigee',
  'AWS API Gateway': 'aws-api-gateway',
  'AWS Application Load Balancer': 'aws-elb',
  'AWS CloudFront': 'aws-cloudfront',
  'AWS Elastic Load Balancing': 'aws-elb',
  'Azure App Service': 'azure-app-service',
  'Azure Application Gateway': 'azure-application-gateway',
  'Azure Front Door': 'azure-front-door',
  'Bunny CDN': 'bunny-cdn',
  Caddy: 'caddy',
  'Cloud Foundry': 'cloud-foundry',
  Cloudflare: 'cloudflare',
  'Cloudflare Workers': 'cloudflare-workers',
  'DigitalOcean App Platform': 'digitalocean-app-platform',
  Envoy: 'envoy',
  Fastly: 'fastly',
  'Fly.io': 'fly-io',
  'Google App Engine': 'google-app-engine',
  'Google Cloud Functions': 'google-cloud-functions',
  'Google Cloud Load Balancing': 'google-cloud-load-balancing',
  'Google Cloud Run': 'google-cloud-run',
  'Google Front End': 'google-frontend',
  HAProxy: 'haproxy',
  Heroku: 'heroku',
  'Istio (Envoy)': 'istio',
  'Kong Gateway': 'kong',
  // Its 503 is nginx's own page and carries no ingress-nginx marker: nginx is all the response can show.
  // ingress-nginx-503 carries no ingress-nginx marker: as far as the response shows, nginx wrote it.
  'Kubernetes ingress-nginx': 'nginx',
  GitHub: 'github',
  LiteSpeed: 'litespeed',
  'Microsoft IIS': 'microsoft-iis',
  Netlify: 'netlify',
  nginx: 'nginx',
  OpenResty: 'openresty',
  'OpenShift Router': 'openshift-router',
  Railway: 'railway',
  Render: 'render',
  Shopify: 'shopify',
  Squid: 'squid',
  Supabase: 'supabase',
  Tengine: 'tengine',
  Traefik: 'traefik',
  Tyk: 'tyk',
  Varnish: 'varnish',
  Vercel: 'vercel',
};

/**
 * Fixtures whose error the site's own server wrote, relayed unchanged by the products in the chain: no product
 * produced it. Written from each fixture's meaning.
 */
const writtenByTheSite = new Set([
  // "The site's own ASP.NET application failed ... Alibaba Cloud CDN passed that 500 through"
  'alibaba-cloud-cdn-500-origin-relayed',
]);

/**
 * Products named only from headers their vendors document on every response, for which no real 5xx (status, headers
 * and body) has been found yet in their documentation, code or public captures. A fixture for one takes it off the
 * list; a new rule without a fixture fails the test below.
 */
const AWAITING_A_REAL_5XX = [
  'cdn77',
  'ddos-guard',
  'imperva',
  'keycdn',
  'kinsta',
  'pantheon',
  'sucuri',
  'upsun',
  'wp-engine',
];

function identify(fixture: GatewayFixture) {
  return identifyGateways(
    indexHeaders(headerEntries(fixture)),
    fixtureMarkers(fixture),
    fixture.status,
    `HTTP/1.1 ${fixture.status} ${fixture.reason}`,
  );
}

const fixtures = loadGatewayFixtures().filter((fixture) => fixture.expectedChain !== undefined);

describe('identifyGateways on real gateway responses', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(44);
  });

  it('proves every product it names with a real response, but for those still awaiting one', () => {
    const proven = new Set(fixtures.flatMap((fixture) => fixture.expectedChain ?? []));
    const unproven = fingerprints.map((rule) => rule.id).filter((id) => !proven.has(id));
    expect(unproven.sort()).toEqual(AWAITING_A_REAL_5XX);
  });

  it.each(fixtures.map((fixture) => [fixture.id, fixture] as const))('%s', (_id, fixture) => {
    const chain = identify(fixture);
    expect(chain.map((match) => match.id)).toEqual(fixture.expectedChain);
    for (const match of chain) expect(match.evidence.length, match.id).toBeGreaterThan(0);

    const producedBy = chain.filter((match) => match.producedError).map((match) => match.id);
    if (writtenByTheSite.has(fixture.id)) {
      expect(producedBy).toEqual([]);
      return;
    }
    const producer = fixture.expectedChain?.includes('ingress-nginx')
      ? 'ingress-nginx'
      : producerByVendor[fixture.vendor];
    expect(producer, `no product id known for vendor "${fixture.vendor}"`).toBeDefined();
    expect(producedBy).toEqual([producer]);
  });
});
