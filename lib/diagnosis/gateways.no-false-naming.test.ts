/**
 * The CDN, WAF and hosting rules must stay silent on the responses visitors meet most: plain nginx, Apache and
 * Cloudflare errors carry none of their markers, so naming one of these products there would be a guess.
 */
import { describe, expect, it } from 'vitest';
import {
  fixtureMarkers,
  headerEntries,
  loadGatewayFixture,
  type GatewayFixture,
} from '../../tests/support/fixtures';
import { fingerprints, type Fingerprint } from './fingerprints';
import { identifyGateways } from './gateways';
import { indexHeaders } from './headers';

const PRODUCTS = [
  'alibaba-cloud-cdn',
  'bunny-cdn',
  'cdn77',
  'ddos-guard',
  'imperva',
  'keycdn',
  'kinsta',
  'pantheon',
  'railway',
  'shopify',
  'sucuri',
  'upsun',
  'wp-engine',
];

/** Real responses of the three, from tests/fixtures/gateways. */
const PLAIN = [
  'nginx-500',
  'nginx-502-chrome',
  'nginx-504-tokens-off',
  'apache-502-proxy-error',
  'apache-502-legacy-dns',
  'cloudflare-502',
  'cloudflare-520',
  'cloudflare-522',
  'cloudflare-524-timeout',
  'cloudflare-530-1016-plaintext',
];

function identifyWith(rules: readonly Fingerprint[], fixture: GatewayFixture) {
  return identifyGateways(
    indexHeaders(headerEntries(fixture)),
    fixtureMarkers(fixture),
    fixture.status,
    `HTTP/1.1 ${fixture.status} ${fixture.reason}`,
    rules,
  );
}

describe('no false naming on plain nginx, Apache and Cloudflare errors', () => {
  const rules = PRODUCTS.map((id) => fingerprints.find((fingerprint) => fingerprint.id === id));

  it('tests rules that exist', () => {
    expect(rules.map((rule) => rule?.id)).toEqual(PRODUCTS);
  });

  describe.each(PLAIN)('%s', (id) => {
    const fixture = loadGatewayFixture(id);

    it.each(PRODUCTS)('is not taken for %s', (product) => {
      const rule = fingerprints.find((fingerprint) => fingerprint.id === product);
      expect(rule).toBeDefined();
      expect(identifyWith([rule!], fixture)).toEqual([]);
    });

    it('names none of them beside what it is', () => {
      const named = identifyGateways(
        indexHeaders(headerEntries(fixture)),
        fixtureMarkers(fixture),
        fixture.status,
      ).map((match) => match.id);
      expect(named.length).toBeGreaterThan(0);
      expect(named.filter((product) => PRODUCTS.includes(product))).toEqual([]);
    });
  });
});
