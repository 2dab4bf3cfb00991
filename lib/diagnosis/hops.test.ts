import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { createTranslator } from '../i18n/messages';
import { diagnoseHops } from './hops';
import { NETWORK_CATALOGUE, statusEntry, type FailureReason } from './status-catalogue';
import type { GatewayMatch } from './types';

const translate = createTranslator(english);

function gateway(id: string, name: string, producedError = false): GatewayMatch {
  return {
    id,
    name,
    role: 'cdn',
    confidence: 'high',
    evidence: [{ source: 'header', name: 'server', value: id }],
    producedError,
  };
}
const cloudflare = gateway('cloudflare', 'Cloudflare', true);

function tooltip(code: number, chain: GatewayMatch[], vendorCode?: string): string {
  const entry = statusEntry(code, vendorCode);
  return `${translate(entry.title)}: ${translate(diagnoseHops(chain, entry, null).explanation)}`;
}

describe('diagnoseHops', () => {
  it('names Cloudflare on a 522, as the brief words it', () => {
    const result = diagnoseHops([cloudflare], statusEntry(522), null);
    expect(result.hops).toEqual([
      { kind: 'visitor' },
      { kind: 'gateway', gateway: cloudflare },
      { kind: 'origin' },
    ]);
    expect(result.failedHop).toBe(1);
    expect(result.failedGateway).toBe(cloudflare);
    expect(tooltip(522, [cloudflare])).toBe(
      "522 Connection Timed Out: Cloudflare is working, but the site's server did not answer its connection in time",
    );
  });

  it('gives the toolbar tooltip of a Cloudflare 502 exactly', () => {
    expect(tooltip(502, [cloudflare])).toBe(
      "502 Bad Gateway: Cloudflare could not get an answer from the site's server",
    );
  });

  // What Cloudflare's own 5xx and 1xxx pages say each code means, and the words our sentence must carry for it.
  it.each([
    [
      520,
      undefined,
      'the origin server returns an empty, unknown, or unexpected response',
      /empty or unexpected answer/,
    ],
    [
      521,
      undefined,
      'the origin web server refuses connections from Cloudflare',
      /refused its connection/,
    ],
    [
      523,
      undefined,
      'a network device ... does not have a route to the origin',
      /no network route/,
    ],
    [
      524,
      undefined,
      'connected ... but the origin did not provide an HTTP response',
      /reached .* took too long/,
    ],
    [
      525,
      undefined,
      'the SSL handshake between Cloudflare and the origin web server failed',
      /secure connection .* failed/,
    ],
    [
      526,
      undefined,
      'Cloudflare is unable to verify the SSL certificate on your origin',
      /certificate it cannot trust/,
    ],
    [
      530,
      '1016',
      "Cloudflare cannot resolve the origin web server's IP address",
      /cannot find the address/,
    ],
    [
      530,
      '1033',
      'Cloudflare is currently unable to resolve [the tunnel]',
      /tunnel .* not connected/,
    ],
    [
      500,
      '1101',
      'a Cloudflare Worker encounters a runtime JavaScript exception',
      /code running on Cloudflare failed/,
    ],
  ])('Cloudflare %i %s: "%s"', (code, vendorCode, _documented, wording) => {
    expect(tooltip(code, [cloudflare], vendorCode)).toMatch(wording);
  });

  it('shows stacked layers outermost first and fails the one that produced the page', () => {
    const heroku = gateway('heroku', 'Heroku', true);
    const behindCloudflare = gateway('cloudflare', 'Cloudflare');
    const result = diagnoseHops([heroku, behindCloudflare], statusEntry(503), null);
    expect(result.hops.map((hop) => (hop.kind === 'gateway' ? hop.gateway.id : hop.kind))).toEqual([
      'visitor',
      'cloudflare',
      'heroku',
      'origin',
    ]);
    expect(result.failedHop).toBe(2);
    expect(translate(result.explanation)).toBe(
      'Heroku is answering, but it could not reach a working server for this site',
    );
  });

  it('pins a gateway status without a producer on the gateway closest to the server', () => {
    const nginx = gateway('nginx', 'nginx');
    const result = diagnoseHops(
      [nginx, gateway('cloudflare', 'Cloudflare')],
      statusEntry(504),
      null,
    );
    expect(result.failedHop).toBe(2);
    expect(result.failedGateway).toBe(nginx);
  });

  it('adds an unidentified gateway when a bare 502 proves one answered but none was named', () => {
    const result = diagnoseHops([], statusEntry(502), null);
    expect(result.hops).toEqual([
      { kind: 'visitor' },
      { kind: 'unidentified-gateway' },
      { kind: 'origin' },
    ]);
    expect(result.failedHop).toBe(1);
    expect(translate(result.explanation)).toBe(
      "A gateway in front of the site could not get an answer from the site's server",
    );
  });

  it("blames the site's own server for a 500 no gateway produced", () => {
    const result = diagnoseHops([gateway('cloudflare', 'Cloudflare')], statusEntry(500), null);
    expect(result.failedHop).toBe(result.hops.length - 1);
    expect(result.hops.at(-1)).toEqual({ kind: 'origin' });
    expect(translate(result.explanation)).toBe(
      "The site's own server failed while handling your request",
    );
  });

  it('marks nothing failed for a bot check, and says the site is not down', () => {
    const result = diagnoseHops([cloudflare], statusEntry(403), {
      vendor: 'Cloudflare',
      blocked: false,
    });
    expect(result.failedHop).toBeNull();
    expect(translate(result.explanation)).toContain('not down');
  });

  it("fails the visitor's own link when no HTTP answer came", () => {
    const result = diagnoseHops([], NETWORK_CATALOGUE.dns, null);
    expect(result.hops).toEqual([{ kind: 'visitor' }, { kind: 'origin' }]);
    expect(result.failedHop).toBe(0);
  });

  it('puts the captive portal of a 511 between the visitor and everything else', () => {
    const result = diagnoseHops([], statusEntry(511), null);
    expect(result.hops[1]).toEqual({ kind: 'unidentified-gateway' });
    expect(result.failedHop).toBe(1);
  });

  it('words every reason as one sentence without a final full stop, named and unnamed', () => {
    const codes = [
      500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511, 520, 521, 522, 523, 524, 525, 526,
      527, 529, 530, 598, 599, 555,
    ];
    const entries = [
      ...codes.map((code) => statusEntry(code)),
      ...[
        '1000',
        '1001',
        '1002',
        '1004',
        '1014',
        '1016',
        '1033',
        '1034',
        '1101',
        '1102',
        '1200',
      ].map((code) => statusEntry(530, code)),
      ...Object.values(NETWORK_CATALOGUE),
    ];
    const seen = new Set<FailureReason>();
    for (const entry of entries) {
      seen.add(entry.reason);
      for (const chain of [[], [cloudflare]]) {
        const text = translate(diagnoseHops(chain, entry, null).explanation);
        expect(text, entry.reason).not.toMatch(/[.!]$/);
        expect(text, entry.reason).not.toMatch(/\. /);
        expect(text, entry.reason).not.toMatch(/\$/);
      }
    }
    expect(seen.size).toBeGreaterThan(25);
  });
});
