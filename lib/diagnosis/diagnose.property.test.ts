import { describe, it } from 'vitest';
import fc from 'fast-check';
import { expectValid } from '../../tests/support/valid-diagnosis';
import { diagnose } from './diagnose';
import type { HeaderEntry, Observation } from './types';

// Header names the engine and the identifiers read, so generated responses hit real code paths, in any casing.
const knownNames = [
  'server',
  'via',
  'cf-ray',
  'cf-mitigated',
  'retry-after',
  'x-cache',
  'x-amz-cf-id',
  'x-amzn-errortype',
  'x-vercel-error',
  'x-vercel-id',
  'x-served-by',
  'x-request-id',
  'x-azure-ref',
  'x-dd-b',
  'x-amzn-waf-action',
  'traceparent',
  'x-nf-request-id',
  'fly-request-id',
  'content-type',
];
const knownValues = [
  'cloudflare',
  'nginx',
  'challenge',
  'captcha',
  'Error from cloudfront',
  '120',
  'Fri, 31 Dec 1999 23:59:59 GMT',
  'AkamaiGHost',
  'Microsoft-IIS/10.0',
  '1.1 vegur',
  'FUNCTION_INVOCATION_TIMEOUT',
];

const casing = (s: string) =>
  fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((upper) => [...s].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
const headerName = fc.oneof(
  fc.constantFrom(...knownNames).chain(casing),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const headerValue = fc.oneof(
  fc.constantFrom(...knownValues),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constant(undefined),
);
const header: fc.Arbitrary<HeaderEntry> = fc.record({ name: headerName, value: headerValue });
const headers = fc.oneof(
  { weight: 5, arbitrary: fc.array(header, { maxLength: 30 }) },
  // Absurd sizes: hundreds of duplicates, and single values far beyond any real header.
  {
    weight: 1,
    arbitrary: fc
      .tuple(header, fc.integer({ min: 100, max: 700 }))
      .map(([h, n]) => Array.from({ length: n }, () => h)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(headerName, fc.integer({ min: 10_000, max: 200_000 }))
      .map(([name, n]) => [{ name, value: 'x'.repeat(n) }]),
  },
);
const pageText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    'error code: 1016',
    'Just a moment...',
    'Reference #18.2d351ab8.1557333295.a4e16ab',
    'Sucuri WebSite Firewall - Access Denied',
    '502 Bad Gateway nginx',
  ),
  fc.integer({ min: 10_000, max: 300_000 }).map((n) => 'a '.repeat(n)),
);
const observation: fc.Arbitrary<Observation> = fc.record(
  {
    url: fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()),
    method: fc.oneof(fc.constantFrom('GET', 'POST', 'put', 'DELETE'), fc.string({ maxLength: 10 })),
    statusCode: fc.oneof(
      fc.integer({ min: 500, max: 599 }),
      fc.constantFrom(0, 403, 429, 202, 405, 200),
      fc.integer(),
      fc.double(),
    ),
    statusLine: fc.option(
      fc.oneof(
        fc.string({ maxLength: 80 }),
        fc.constantFrom(
          'HTTP/1.1 502 Bad Gateway',
          'HTTP/1.0 503 Service Unavailable',
          'HTTP/2 504',
        ),
      ),
      { nil: undefined },
    ),
    headers,
    frame: fc.constantFrom('main_frame', 'sub_frame', 'xmlhttprequest', 'other'),
    ip: fc.option(fc.ipV4(), { nil: undefined }),
    networkError: fc.option(
      fc.oneof(
        fc.constantFrom(
          'net::ERR_CONNECTION_REFUSED',
          'NS_ERROR_UNKNOWN_HOST',
          'net::ERR_CERT_DATE_INVALID',
          'net::ERR_ABORTED',
        ),
        fc.string({ maxLength: 30 }),
      ),
      { nil: undefined },
    ),
    page: fc.option(
      fc.record({
        title: fc.oneof(
          fc.string({ maxLength: 100 }),
          fc.constantFrom('Just a moment...', 'Attention Required! | Cloudflare'),
        ),
        text: pageText,
      }),
      { nil: undefined },
    ),
    time: fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.double()),
  },
  { requiredKeys: ['url', 'method', 'statusCode', 'headers', 'frame', 'time'] },
);

describe('diagnose on arbitrary observations', () => {
  it('never throws and always yields a valid diagnosis whose messages all exist', () => {
    fc.assert(
      fc.property(observation, (o) => {
        expectValid(diagnose(o));
      }),
      { numRuns: 300 },
    );
  });

  it('copes with what TypeScript would not allow but a stored record might hold', () => {
    const broken = [
      { headers: null, page: 'text', statusCode: '502', method: undefined },
      { headers: [null, 42, { name: 7 }], page: { title: null, text: 1 } },
      { statusCode: -1, statusLine: null, networkError: 42 },
    ];
    for (const fields of broken) {
      const o = {
        url: 'https://x.example/',
        method: 'GET',
        statusCode: 502,
        headers: [],
        frame: 'main_frame',
        time: 0,
        ...fields,
      } as unknown as Observation;
      expectValid(diagnose(o));
    }
  });
});
