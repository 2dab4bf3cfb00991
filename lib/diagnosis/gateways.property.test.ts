import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprints, LAYERS, type Condition } from './fingerprints';
import { identifyGateways, MAX_SCANNED_TEXT } from './gateways';
import { indexHeaders, MAX_HEADERS, MAX_HEADER_VALUE_LENGTH } from './headers';
import type { GatewayMatch, HeaderEntry, PageMarkers } from './types';

const registry = new Map(fingerprints.map((fingerprint) => [fingerprint.id, fingerprint]));
const knownNames = [
  ...new Set(
    fingerprints.flatMap((fingerprint) =>
      fingerprint.signals.flatMap((signal) =>
        (Array.isArray(signal.when) ? signal.when : [signal.when as Condition]).flatMap(
          (condition) => ('header' in condition ? [condition.header] : []),
        ),
      ),
    ),
  ),
];
const productWords = [
  'cloudflare',
  'nginx',
  'Caddy',
  '1.1 varnish',
  'awselb/2.0',
  'kong/3.9.1',
  'envoy',
];

const recased = (name: string, upper: readonly boolean[]) =>
  [...name]
    .map((char, i) => (upper[i % Math.max(upper.length, 1)] ? char.toUpperCase() : char))
    .join('');

const headerName = fc.oneof(fc.constantFrom(...knownNames), fc.string({ maxLength: 24 }));
const headerValue = fc.oneof(
  fc.constantFrom(...productWords),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 6000 }),
);
const headerList = fc.array(
  fc.record({ name: headerName, value: fc.option(headerValue, { nil: undefined }) }),
  { maxLength: 40 },
);
const pageText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 12000 }),
  fc.constantFrom(
    '502 Bad Gateway nginx',
    'error code: 1016',
    'Reference #18.2d351ab8.1557333295.a4e16ab',
    'upstream request timeout',
  ),
);
const page = fc.option(fc.record({ title: fc.string({ maxLength: 300 }), text: pageText }), {
  nil: undefined,
});
const statusCode = fc.option(fc.integer({ min: -1, max: 1000 }), { nil: undefined });

function assertValid(chain: readonly GatewayMatch[]): void {
  expect(new Set(chain.map((match) => match.id)).size).toBe(chain.length);
  expect(chain.filter((match) => match.producedError).length).toBeLessThanOrEqual(1);
  let layer = 0;
  for (const match of chain) {
    const fingerprint = registry.get(match.id);
    expect(fingerprint).toBeDefined();
    expect(match.name).toBe(fingerprint?.name);
    expect(match.role).toBe(fingerprint?.role);
    expect(['high', 'medium', 'low']).toContain(match.confidence);
    expect(match.evidence.length).toBeGreaterThan(0);
    for (const evidence of match.evidence) {
      expect(['header', 'body', 'title', 'status']).toContain(evidence.source);
      expect(evidence.value.length).toBeLessThanOrEqual(120);
    }
    const position = fingerprint ? LAYERS.indexOf(fingerprint.layer) : -1;
    expect(position).toBeGreaterThanOrEqual(layer);
    layer = position;
  }
}

describe('identifyGateways on arbitrary input', () => {
  it('never throws and always returns well-formed, ordered matches', () => {
    fc.assert(
      fc.property(
        headerList,
        page,
        statusCode,
        fc.string({ maxLength: 300 }),
        (entries, markers, code, line) => {
          assertValid(identifyGateways(indexHeaders(entries), markers, code, line));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('does not depend on how header names are cased', () => {
    fc.assert(
      fc.property(
        headerList,
        page,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        (entries, markers, upper) => {
          const recasedEntries: HeaderEntry[] = entries.map((entry) => ({
            ...entry,
            name: recased(entry.name, upper),
          }));
          expect(identifyGateways(indexHeaders(recasedEntries), markers)).toEqual(
            identifyGateways(indexHeaders(entries), markers),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('survives the largest response the header index admits, and a huge page, quickly', () => {
    const entries: HeaderEntry[] = Array.from({ length: MAX_HEADERS }, (_, i) => ({
      name: knownNames[i % knownNames.length] ?? 'server',
      value: `${'Generated '.repeat(MAX_HEADER_VALUE_LENGTH / 10)}`,
    }));
    const markers: PageMarkers = {
      title: 'x'.repeat(100_000),
      text: 'Generated a by b (squid Reference #1. upstream connect error '.repeat(20_000),
    };
    const started = performance.now();
    assertValid(
      identifyGateways(indexHeaders(entries), markers, 502, `HTTP/1.1 502 ${'x'.repeat(100_000)}`),
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('does not read page text past the scanned length', () => {
    const marker = 'Performance & security by Cloudflare';
    const near: PageMarkers = { title: '', text: marker };
    const far: PageMarkers = { title: '', text: `${'a '.repeat(MAX_SCANNED_TEXT)}${marker}` };
    expect(identifyGateways(indexHeaders([]), near).map((match) => match.id)).toEqual([
      'cloudflare',
    ]);
    expect(identifyGateways(indexHeaders([]), far)).toEqual([]);
  });
});
