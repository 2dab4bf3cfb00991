import { describe, expect, it } from 'vitest';
import { fingerprints, LAYERS, type Condition, type Fingerprint } from './fingerprints';
import { identifyGateways } from './gateways';
import { indexHeaders } from './headers';
import type { HeaderEntry, PageMarkers } from './types';

function identify(
  headers: Record<string, string | string[]>,
  page?: PageMarkers,
  statusCode?: number,
  statusLine?: string,
) {
  const entries: HeaderEntry[] = Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => ({ name, value: v })),
  );
  return identifyGateways(indexHeaders(entries), page, statusCode, statusLine);
}

const ids = (chain: ReturnType<typeof identify>) => chain.map((match) => match.id);
const producers = (chain: ReturnType<typeof identify>) =>
  chain.filter((match) => match.producedError).map((match) => match.id);

/** nginx 1.26's 502 page as the content script reads it (title, then heading and signature). */
const nginxPage: PageMarkers = { title: '502 Bad Gateway', text: '502 Bad Gateway nginx/1.26.2' };

describe('the product registry', () => {
  // The ids and brand names the project's brief fixes.
  const required: Record<string, string> = {
    cloudflare: 'Cloudflare',
    'aws-cloudfront': 'AWS CloudFront',
    'aws-elb': 'AWS Elastic Load Balancing',
    'aws-api-gateway': 'AWS API Gateway',
    akamai: 'Akamai',
    fastly: 'Fastly',
    varnish: 'Varnish',
    nginx: 'nginx',
    openresty: 'OpenResty',
    tengine: 'Tengine',
    'ingress-nginx': 'Kubernetes ingress-nginx',
    apache: 'Apache HTTP Server',
    haproxy: 'HAProxy',
    envoy: 'Envoy',
    istio: 'Istio',
    traefik: 'Traefik',
    caddy: 'Caddy',
    squid: 'Squid',
    'google-frontend': 'Google Front End',
    'google-cloud-load-balancing': 'Google Cloud Load Balancing',
    'google-app-engine': 'Google App Engine',
    'google-cloud-run': 'Google Cloud Run',
    heroku: 'Heroku',
    vercel: 'Vercel',
    netlify: 'Netlify',
    'fly-io': 'Fly.io',
    render: 'Render',
    'azure-front-door': 'Azure Front Door',
    'azure-application-gateway': 'Azure Application Gateway',
    'azure-app-service': 'Azure App Service',
    'microsoft-iis': 'Microsoft IIS',
    kong: 'Kong',
    github: 'GitHub',
    litespeed: 'LiteSpeed',
  };

  it('names every required product with its brand name, and at least twelve more', () => {
    const names = new Map(fingerprints.map((fingerprint) => [fingerprint.id, fingerprint.name]));
    for (const [id, name] of Object.entries(required)) expect(names.get(id), id).toBe(name);
    expect(fingerprints.length - Object.keys(required).length).toBeGreaterThanOrEqual(12);
  });

  it('has unique kebab-case ids, known layers, and builtOn pointing at registered products', () => {
    const known = new Set(fingerprints.map((fingerprint) => fingerprint.id));
    expect(known.size).toBe(fingerprints.length);
    for (const fingerprint of fingerprints) {
      expect(fingerprint.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(LAYERS).toContain(fingerprint.layer);
      for (const base of fingerprint.builtOn ?? []) expect(known.has(base), base).toBe(true);
    }
  });

  it('writes conditions the engine can evaluate safely', () => {
    const conditions = fingerprints.flatMap((fingerprint: Fingerprint) =>
      fingerprint.signals.flatMap((signal): readonly Condition[] =>
        Array.isArray(signal.when) ? signal.when : [signal.when as Condition],
      ),
    );
    for (const condition of conditions) {
      // Lookups are by lower-case name; a stateful (g/y) expression would skip matches on reuse.
      if ('header' in condition) expect(condition.header).toBe(condition.header.toLowerCase());
      for (const pattern of Object.values(condition).filter((v) => v instanceof RegExp)) {
        expect((pattern as RegExp).flags).not.toMatch(/[gy]/);
      }
    }
    for (const fingerprint of fingerprints) {
      for (const signal of fingerprint.signals) {
        const when = Array.isArray(signal.when) ? signal.when : [signal.when];
        expect(when.length, fingerprint.id).toBeGreaterThan(0);
      }
    }
  });
});

describe('identifyGateways', () => {
  it('returns nothing without evidence', () => {
    expect(identify({})).toEqual([]);
    expect(
      identify(
        {
          'Content-Type': 'text/html; charset=utf-8',
          Date: 'Mon, 01 Sep 2025 12:00:00 GMT',
          'X-Powered-By': 'Express',
          'Cache-Control': 'no-store',
        },
        { title: 'Error', text: 'Internal Server Error' },
        500,
        'HTTP/1.1 500 Internal Server Error',
      ),
    ).toEqual([]);
  });

  it('ignores headers that only borrow a product name', () => {
    expect(
      identify({
        'CF-RAY': 'yes',
        'X-Amz-Cf-Id': 'abc',
        Server: 'nginx-like',
        'X-Vercel-Id': 'hello',
        'X-Served-By': 'my-laptop',
        Via: '1.1 example.cloudfront.net',
        'X-Kong-Request-Id': 'not-hex',
      }),
    ).toEqual([]);
  });

  it('puts an API Gateway before the CloudFront that fronts it, and names it as the producer', () => {
    // Edge-optimized REST API: CloudFront marks the relayed error "Error from cloudfront" but keeps no Server of its own.
    const chain = identify({
      'x-amzn-RequestId': '6400a316-c186-44e3-b604-d1bc60b62f1e',
      'x-amzn-ErrorType': 'InternalServerErrorException',
      'x-amz-apigw-id': 'YDeB5Gb6DoEFp5A=',
      'X-Cache': 'Error from cloudfront',
      Via: '1.1 9803a30a87f1ec1047cb2b8ad5ecc43e.cloudfront.net (CloudFront)',
      'X-Amz-Cf-Pop': 'ARN56-P1',
      'X-Amz-Cf-Id': 'C5xSly4TA1BvudKUfYLIcb9VZ-jw1kiVqHzKtvgyrLbxsk07byt4wg==',
    });
    expect(ids(chain)).toEqual(['aws-api-gateway', 'aws-cloudfront']);
    expect(producers(chain)).toEqual(['aws-api-gateway']);
  });

  it('puts Heroku before Cloudflare whatever order the headers come in', () => {
    const chain = identify({
      Server: 'cloudflare',
      'CF-RAY': '96a0f289adcb8e8e-SEA',
      Via: '1.1 heroku-router',
      'Reporting-Endpoints': 'heroku-nel="https://nel.heroku.com/reports?ts=1743188827"',
    });
    expect(ids(chain)).toEqual(['heroku', 'cloudflare']);
    expect(chain.find((match) => match.id === 'heroku')?.confidence).toBe('high');
    expect(producers(chain)).toEqual([]);
  });

  it('reports a bare Server: nginx beside Cloudflare with medium confidence, without naming a producer', () => {
    const chain = identify({ Server: 'nginx', 'CF-RAY': '9a6bb1727dfdfdb0-SIN' });
    expect(chain.map((match) => [match.id, match.confidence])).toEqual([
      ['nginx', 'medium'],
      ['cloudflare', 'high'],
    ]);
    expect(producers(chain)).toEqual([]);
  });

  it("names the origin's nginx as the producer when Cloudflare relays its page", () => {
    const chain = identify(
      { Server: 'cloudflare', 'CF-RAY': '9a6bb1727dfdfdb0-SIN' },
      nginxPage,
      502,
    );
    expect(ids(chain)).toEqual(['nginx', 'cloudflare']);
    expect(producers(chain)).toEqual(['nginx']);
  });

  it('names Cloudflare as the producer of its own 52x page', () => {
    const chain = identify(
      { Server: 'cloudflare', 'CF-RAY': '9df84586146e8465-EWR' },
      {
        title: 'example.com | 522: Connection timed out',
        text: 'Connection timed out Error code 522 ... Cloudflare Ray ID: 9df84586146e8465 • Performance & security by Cloudflare',
      },
      522,
    );
    expect(ids(chain)).toEqual(['cloudflare']);
    expect(chain[0]?.producedError).toBe(true);
    expect(chain[0]?.evidence.map((evidence) => evidence.source)).toEqual(
      expect.arrayContaining(['header', 'body', 'status']),
    );
  });

  it('reads a Cloudflare status code alone as low-confidence evidence', () => {
    const chain = identify({}, undefined, 523);
    expect(chain.map((match) => [match.id, match.confidence, match.producedError])).toEqual([
      ['cloudflare', 'low', true],
    ]);
  });

  it('reports ingress-nginx, not nginx, with the nginx page as its evidence', () => {
    const chain = identify(
      { 'Set-Cookie': 'INGRESSCOOKIE=1683812345.123.42.123456|0123456789abcdef; Path=/; HttpOnly' },
      {
        title: '503 Service Temporarily Unavailable',
        text: '503 Service Temporarily Unavailable nginx',
      },
      503,
    );
    expect(ids(chain)).toEqual(['ingress-nginx']);
    expect(chain[0]?.producedError).toBe(true);
    expect(chain[0]?.evidence).toEqual(
      expect.arrayContaining([
        { source: 'body', name: 'text', value: '503 Service Temporarily Unavailable nginx' },
      ]),
    );
  });

  it('keeps cookie values, which may be a session, out of the evidence', () => {
    const chain = identify({ 'Set-Cookie': 'INGRESSCOOKIE=secret-session-value; Path=/' });
    expect(chain[0]?.evidence).toEqual([
      { source: 'header', name: 'set-cookie', value: 'INGRESSCOOKIE' },
    ]);
  });

  it('reports Istio over the Envoy it runs, and a fork over nginx', () => {
    const istio = identify(
      { server: 'istio-envoy' },
      {
        title: '',
        text: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
      },
    );
    expect(ids(istio)).toEqual(['istio']);
    expect(istio[0]?.producedError).toBe(true);

    const openresty = identify(
      { Server: 'openresty/1.25.3.1' },
      {
        title: '502 Bad Gateway',
        text: '502 Bad Gateway openresty/1.25.3.1',
      },
    );
    expect(ids(openresty)).toEqual(['openresty']);
  });

  it('reports Varnish alone, and Fastly instead of the Varnish it runs', () => {
    expect(ids(identify({ Via: '1.1 varnish (Varnish/7.6)', 'X-Varnish': '32770' }))).toEqual([
      'varnish',
    ]);
    expect(
      ids(
        identify({
          Via: '1.1 varnish',
          'X-Served-By': 'cache-fra-etou8220131-FRA',
          'X-Cache': 'MISS',
        }),
      ),
    ).toEqual(['fastly']);
  });

  it('reads a Classic Load Balancer from its reason phrase, which HTTP/2 does not carry', () => {
    const headers = { 'Content-Length': '0', Connection: 'keep-alive' };
    const line = 'HTTP/1.1 503 Service Unavailable: Back-end server is at capacity';
    expect(ids(identify(headers, undefined, 503, line))).toEqual(['aws-elb']);
    expect(identify(headers, undefined, 503, 'HTTP/2 503')).toEqual([]);
  });

  it("calls Caddy's empty answer its own, but not a page Caddy relayed", () => {
    expect(identify({ Server: 'Caddy' }, undefined, 502)[0]?.producedError).toBe(true);
    expect(
      identify({ Server: 'Caddy' }, { title: 'Oops', text: 'Something went wrong' }, 502)[0]
        ?.producedError,
    ).toBe(false);
  });

  it('caps evidence values', () => {
    const chain = identify({ 'x-akamai-transformed': `9 ${'x'.repeat(4000)}` });
    expect(ids(chain)).toEqual(['akamai']);
    expect(chain[0]?.evidence[0]?.value.length).toBeLessThanOrEqual(120);
  });

  it('uses the rules it is given', () => {
    const only: Fingerprint = {
      id: 'example-proxy',
      name: 'Example Proxy',
      role: 'reverse-proxy',
      layer: 'proxy',
      signals: [{ when: { header: 'x-example' }, confidence: 'high' }],
    };
    const headers = indexHeaders([
      { name: 'X-Example', value: '1' },
      { name: 'Server', value: 'nginx' },
    ]);
    expect(identifyGateways(headers, undefined, 502, undefined, [only]).map((m) => m.id)).toEqual([
      'example-proxy',
    ]);
  });
});
