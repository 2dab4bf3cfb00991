import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { createTranslator } from '../i18n/messages';
import { diagnose, type DiagnosisDeps } from './diagnose';
import type { GatewayMatch, Observation } from './types';

const translate = createTranslator(english);

const cloudflare: GatewayMatch = {
  id: 'cloudflare',
  name: 'Cloudflare',
  role: 'cdn',
  confidence: 'high',
  evidence: [{ source: 'header', name: 'cf-ray', value: '9df84586146e8465-EWR' }],
  producedError: true,
};

const nothingFound: DiagnosisDeps = { identify: () => [], ids: () => [] };
const cloudflareFound: DiagnosisDeps = {
  identify: () => [cloudflare],
  ids: () => [{ source: 'cf-ray', label: 'Ray ID', value: '9df84586146e8465-EWR' }],
};

function observation(overrides: Partial<Observation> = {}): Observation {
  return {
    url: 'https://shop.example.com/cart?session=secret',
    method: 'GET',
    statusCode: 502,
    headers: [],
    frame: 'main_frame',
    time: Date.UTC(2026, 2, 20, 22, 52, 42),
    ...overrides,
  };
}

describe('diagnose', () => {
  it('puts the pieces together for a Cloudflare 522', () => {
    const result = diagnose(
      observation({ statusCode: 522, headers: [{ name: 'Retry-After', value: '120' }] }),
      cloudflareFound,
    );
    expect(result.kind).toBe('gateway-timeout');
    expect(translate(result.title)).toBe('522 Connection Timed Out');
    expect(result.chain).toEqual([cloudflare]);
    expect(result.failedHop).toBe(1);
    expect(result.side).toBe('site');
    expect(result.requestIds).toHaveLength(1);
    expect(result.retryAfter).toEqual({ seconds: 120, at: Date.UTC(2026, 2, 20, 22, 54, 42) });
    expect(result.visitorSteps[0]?.id).toBe('wait-retry');
    expect(result.ownerSteps[0]?.id).toBe('cloudflare-allow-ips');
  });

  it('passes the identifier what it needs, the status line included', () => {
    const seen: unknown[] = [];
    diagnose(
      observation({
        statusLine: 'HTTP/1.1 503 Service Unavailable: Back-end server is at capacity',
        statusCode: 503,
        headers: [{ name: 'Server', value: 'x' }],
      }),
      {
        identify: (headers, page, statusCode, statusLine) => {
          seen.push(headers.get('server'), page, statusCode, statusLine);
          return [];
        },
        ids: () => [],
      },
    );
    expect(seen).toEqual([
      'x',
      undefined,
      503,
      'HTTP/1.1 503 Service Unavailable: Back-end server is at capacity',
    ]);
  });

  it('reads the status from the status line when the number is unusable', () => {
    const result = diagnose(
      observation({ statusCode: Number.NaN, statusLine: 'HTTP/1.1 504 Gateway Time-out' }),
      nothingFound,
    );
    expect(result.statusCode).toBe(504);
    expect(result.kind).toBe('gateway-timeout');
  });

  it('survives an identifier that throws or answers nonsense', () => {
    const throwing: DiagnosisDeps = {
      identify: () => {
        throw new Error('boom');
      },
      ids: () => {
        throw new Error('boom');
      },
    };
    expect(diagnose(observation(), throwing).chain).toEqual([]);
    const nonsense = {
      identify: () => [null, { id: 1 }, cloudflare] as unknown as GatewayMatch[],
      ids: () => 'nope' as unknown as [],
    };
    const result = diagnose(observation(), nonsense);
    expect(result.chain).toEqual([cloudflare]);
    expect(result.requestIds).toEqual([]);
  });

  it('explains a network failure without any HTTP answer', () => {
    const result = diagnose(
      observation({ statusCode: 0, networkError: 'net::ERR_NAME_NOT_RESOLVED' }),
      cloudflareFound,
    );
    expect(result.kind).toBe('network');
    expect(result.statusCode).toBe(0);
    expect(result.chain).toEqual([]);
    expect(result.requestIds).toEqual([]);
    expect(result.failedHop).toBe(0);
    expect(translate(result.explanation)).toBe(
      'Your browser could not find the address of this site',
    );
  });

  it('never calls a bot check an outage', () => {
    const result = diagnose(
      observation({
        statusCode: 503,
        headers: [
          { name: 'cf-mitigated', value: 'challenge' },
          { name: 'cf-ray', value: '8f02ab-LHR' },
        ],
        page: { title: 'Just a moment...', text: 'Verify you are human' },
      }),
      cloudflareFound,
    );
    expect(result.kind).toBe('challenge');
    expect(result.failedHop).toBeNull();
    expect(translate(result.title)).toBe('503 Security check');
    expect(result.visitorSteps[0]?.id).toBe('complete-check');
  });

  it("reads Cloudflare's 1xxx code from the page when Cloudflare is in the path", () => {
    const result = diagnose(
      observation({
        statusCode: 530,
        headers: [{ name: 'CF-RAY', value: '9df8-EWR' }],
        page: { title: '', text: 'error code: 1016' },
      }),
      nothingFound,
    );
    expect(result.vendorCode).toBe('1016');
    expect(translate(result.title)).toBe('530 Origin DNS error (Cloudflare 1016)');
  });

  it('does not read a 1xxx code from a page Cloudflare did not touch', () => {
    const result = diagnose(
      observation({ statusCode: 500, page: { title: '', text: 'Internal error 1016 in module' } }),
      nothingFound,
    );
    expect(result.vendorCode).toBeUndefined();
    expect(translate(result.title)).toBe('500 Internal Server Error');
  });

  it('caps the page text it reads', () => {
    let textSeen = '';
    diagnose(observation({ page: { title: 'x', text: 'a'.repeat(1_000_000) } }), {
      identify: (_headers, page) => {
        textSeen = page?.text ?? '';
        return [];
      },
      ids: () => [],
    });
    expect(textSeen.length).toBe(4096);
  });
});
