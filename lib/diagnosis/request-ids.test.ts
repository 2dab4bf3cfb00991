import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexHeaders } from './headers';
import { MAX_REQUEST_ID_LENGTH, MAX_REQUEST_IDS, requestIds } from './request-ids';
import type { PageMarkers } from './types';

const ids = (headers: Record<string, string>, page?: PageMarkers) =>
  requestIds(indexHeaders(Object.entries(headers).map(([name, value]) => ({ name, value }))), page);

describe('requestIds', () => {
  it("takes Cloudflare's Ray ID from cf-ray and does not repeat the page's copy of it", () => {
    // Header and page text of a captured Cloudflare 502 (tests/fixtures/gateways/cloudflare-502.json).
    expect(
      ids(
        { 'CF-RAY': '9a6bb1727dfdfdb0-SIN', Server: 'cloudflare' },
        {
          title: 'notshige.me | 502: Bad gateway',
          text: 'What can I do? ... Cloudflare Ray ID: 9a6bb1727dfdfdb0 • Your IP: Click to reveal',
        },
      ),
    ).toEqual([{ source: 'cf-ray', label: 'Ray ID', value: '9a6bb1727dfdfdb0-SIN' }]);
  });

  it("reads the Ray ID from Cloudflare's page when the header is not visible", () => {
    expect(
      ids(
        {},
        {
          title: '',
          text: 'Cloudflare Ray ID: 9df84586146e8465 • Performance & security by Cloudflare',
        },
      ),
    ).toEqual([{ source: 'body:ray-id', label: 'Ray ID', value: '9df84586146e8465' }]);
  });

  it("reads Akamai's reference number from its page", () => {
    // Page text of a captured Akamai 500 (tests/fixtures/gateways/akamai-500.json).
    expect(
      ids(
        { Server: 'AkamaiGHost' },
        {
          title: 'Error',
          text: 'An error occurred while processing your request. Reference #179.8c346d68.1491884491.2960089',
        },
      ),
    ).toEqual([
      { source: 'body:reference', label: 'Reference #', value: '179.8c346d68.1491884491.2960089' },
    ]);
  });

  it("lists an API Gateway's ids and the CloudFront id in front of it, once each", () => {
    // Headers of a captured edge-optimized REST API 502 (tests/fixtures/gateways/aws-apigw-rest-502.json).
    expect(
      ids(
        {
          'x-amzn-RequestId': '6400a316-c186-44e3-b604-d1bc60b62f1e',
          'x-amz-apigw-id': 'YDeB5Gb6DoEFp5A=',
          'X-Amz-Cf-Id': 'C5xSly4TA1BvudKUfYLIcb9VZ-jw1kiVqHzKtvgyrLbxsk07byt4wg==',
        },
        { title: '', text: 'Request ID: C5xSly4TA1BvudKUfYLIcb9VZ-jw1kiVqHzKtvgyrLbxsk07byt4wg==' },
      ),
    ).toEqual([
      {
        source: 'x-amz-cf-id',
        label: 'Request ID',
        value: 'C5xSly4TA1BvudKUfYLIcb9VZ-jw1kiVqHzKtvgyrLbxsk07byt4wg==',
      },
      {
        source: 'x-amzn-requestid',
        label: 'Request ID',
        value: '6400a316-c186-44e3-b604-d1bc60b62f1e',
      },
      { source: 'x-amz-apigw-id', label: 'Extended request ID', value: 'YDeB5Gb6DoEFp5A=' },
    ]);
  });

  it("keeps Fastly's cache node and the fuller details line of its error page", () => {
    // Headers and page of a captured Fastly 503 (tests/fixtures/gateways/fastly-503-first-byte-timeout-legacy.json).
    expect(
      ids(
        { 'X-Served-By': 'cache-lax1431-LAX', Via: '1.1 varnish' },
        {
          title: '503 first byte timeout',
          text: 'Guru Mediation: Details: cache-lax1431-LAX 1469176127 1060265685 Varnish cache server',
        },
      ),
    ).toEqual([
      { source: 'x-served-by', label: 'Served by', value: 'cache-lax1431-LAX' },
      {
        source: 'body:details',
        label: 'Details',
        value: 'cache-lax1431-LAX 1469176127 1060265685',
      },
    ]);
  });

  it("reads Vercel's and Kong's ids once when the body repeats the header", () => {
    expect(
      ids(
        { 'X-Vercel-Id': 'syd1::m6bjf-1738011631946-6a41c1b3d99c' },
        {
          title: '',
          text: 'An error occurred with your deployment FUNCTION_INVOCATION_TIMEOUT syd1::m6bjf-1738011631946-6a41c1b3d99c',
        },
      ),
    ).toEqual([
      { source: 'x-vercel-id', label: 'ID', value: 'syd1::m6bjf-1738011631946-6a41c1b3d99c' },
    ]);
    expect(
      ids(
        {},
        {
          title: '',
          text: '{ "message":"An invalid response was received from the upstream server", "request_id":"d5dbe22a0e6b4c39b1f2a7e8c9d01234" }',
        },
      ),
    ).toEqual([
      { source: 'body:request-id', label: 'Request ID', value: 'd5dbe22a0e6b4c39b1f2a7e8c9d01234' },
    ]);
  });

  it("reads Azure Front Door's reference from its compact page", () => {
    // Page of a captured Front Door 503 (tests/fixtures/gateways/azure-front-door-503.json).
    expect(
      ids(
        {},
        {
          title: '',
          text: "Our services aren't available right nowWe're working to restore all services as soon as possible. Please check back soon.0WBmdaQAAAADSCtLmciqPR4R+SSIsGf8QUEFPRURHRTA1MTcARWRnZQ==",
        },
      ),
    ).toEqual([
      {
        source: 'body:ref',
        label: 'Ref',
        value: '0WBmdaQAAAADSCtLmciqPR4R+SSIsGf8QUEFPRURHRTA1MTcARWRnZQ==',
      },
    ]);
  });

  it('takes the trace id out of trace-context headers, after the vendor ids', () => {
    expect(
      ids({
        // Examples from the W3C Trace Context spec, Google Cloud Trace and AWS X-Ray docs.
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        'X-Cloud-Trace-Context': '105445aa7843bc8bf206b12000100000/1;o=1',
        'X-Amzn-Trace-Id': 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1',
        'X-Request-Id': 'f3a1b2c4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
        'X-Nf-Request-Id': '01FWYDPYSG7948J52F2P6MCB3S',
      }),
    ).toEqual([
      { source: 'x-nf-request-id', label: 'Request ID', value: '01FWYDPYSG7948J52F2P6MCB3S' },
      {
        source: 'x-request-id',
        label: 'Request ID',
        value: 'f3a1b2c4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      },
      { source: 'traceparent', label: 'Trace ID', value: '4bf92f3577b34da6a3ce929d0e0e4736' },
      {
        source: 'x-cloud-trace-context',
        label: 'Trace ID',
        value: '105445aa7843bc8bf206b12000100000',
      },
      {
        source: 'x-amzn-trace-id',
        label: 'Trace ID',
        value: '1-5759e988-bd862e3fe1be46a994272793',
      },
    ]);
  });

  it('skips values that are not quotable identifiers', () => {
    expect(
      ids({
        // An all-zero trace-id is invalid per W3C Trace Context.
        traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
        'x-request-id': 'a'.repeat(MAX_REQUEST_ID_LENGTH + 1),
        'x-correlation-id': 'line\u0007bell',
        'x-served-by': 'supabase-edge-runtime',
      }),
    ).toEqual([]);
  });

  it('never returns more than its cap, nor repeats a value', () => {
    const headers = Object.fromEntries(
      [
        'cf-ray',
        'x-amz-cf-id',
        'x-amzn-requestid',
        'apigw-requestid',
        'x-amz-apigw-id',
        'akamai-grn',
        'x-akamai-request-id',
        'x-fastly-request-id',
        'x-nf-request-id',
        'fly-request-id',
        'x-azure-ref',
        'x-github-request-id',
        'x-kong-request-id',
        'x-request-id',
        'x-correlation-id',
      ].map((name, i) => [name, `id-${i}-0123456789`]),
    );
    expect(ids(headers)).toHaveLength(MAX_REQUEST_IDS);
    expect(
      ids({ 'x-nf-request-id': 'same-0123456789', 'x-request-id': 'same-0123456789' }),
    ).toHaveLength(1);
  });

  it('never throws on arbitrary headers and pages, and returns bounded, printable ids', () => {
    const names = fc.oneof(
      fc.constantFrom(
        'cf-ray',
        'x-request-id',
        'traceparent',
        'x-served-by',
        'x-varnish',
        'X-Amzn-Trace-Id',
      ),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: names, value: fc.string({ unit: 'binary', maxLength: 300 }) }), {
          maxLength: 40,
        }),
        fc.option(
          fc.record({ title: fc.string(), text: fc.string({ unit: 'binary', maxLength: 6000 }) }),
          {
            nil: undefined,
          },
        ),
        (entries, page) => {
          const found = requestIds(indexHeaders(entries), page);
          expect(found.length).toBeLessThanOrEqual(MAX_REQUEST_IDS);
          expect(new Set(found.map((id) => id.value)).size).toBe(found.length);
          for (const id of found) {
            expect(id.value.length).toBeLessThanOrEqual(MAX_REQUEST_ID_LENGTH);
            expect(id.value).toMatch(/^[\x21-\x7e][\x20-\x7e]*$/);
            expect(id.label.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
