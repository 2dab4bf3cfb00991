import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { createTranslator } from '../i18n/messages';
import { isVisitorStepId, ownerSteps, visitorStep, visitorSteps } from './guidance';
import { NETWORK_CATALOGUE, statusEntry, type StatusEntry } from './status-catalogue';
import type { GatewayMatch, GuidanceStep } from './types';

const translate = createTranslator(english);

function gateway(id: string, name: string): GatewayMatch {
  return { id, name, role: 'reverse-proxy', confidence: 'high', evidence: [], producedError: true };
}

const visitorIds = (entry: StatusEntry, method = 'GET', retryAfterSeconds: number | null = null) =>
  visitorSteps({ entry, challenge: null, method, retryAfterSeconds }).map((step) => step.id);

const ownerText = (entry: StatusEntry, failed?: GatewayMatch) =>
  ownerSteps({ entry, failedGateway: failed, challenge: null }).map(
    (step) => `${step.id}: ${translate(step.title)} ${translate(step.why)}`,
  );

describe('visitor steps', () => {
  it('starts a gateway error with waiting and ends it with telling the owner', () => {
    const ids = visitorIds(statusEntry(502));
    expect(ids[0]).toBe('wait-retry');
    expect(ids.at(-1)).toBe('report-owner');
    expect(ids).toContain('hard-reload');
  });

  it('warns before resubmitting a form a gateway gave up on: the server may have done it', () => {
    expect(visitorIds(statusEntry(504), 'POST')[0]).toBe('check-before-resubmit');
    expect(visitorIds(statusEntry(524), 'post')[0]).toBe('check-before-resubmit');
    expect(visitorIds(statusEntry(504), 'GET')).not.toContain('check-before-resubmit');
  });

  it("quotes the site's own Retry-After in the waiting step", () => {
    const [wait] = visitorSteps({
      entry: statusEntry(503),
      challenge: null,
      method: 'GET',
      retryAfterSeconds: 120,
    });
    expect(wait?.id).toBe('wait-retry');
    expect(wait && translate(wait.why)).toBe(
      'The site asked browsers to wait 120 seconds before trying again.',
    );
  });

  it('asks a bot check to be completed, and a block to be cleared with the owner instead', () => {
    const check = visitorSteps({
      entry: statusEntry(403),
      challenge: { vendor: 'Cloudflare', blocked: false },
      method: 'GET',
      retryAfterSeconds: null,
    });
    const block = visitorSteps({
      entry: statusEntry(403),
      challenge: { vendor: 'Sucuri', blocked: true },
      method: 'GET',
      retryAfterSeconds: null,
    });
    expect(check[0]?.id).toBe('complete-check');
    expect(block.map((s) => s.id)).not.toContain('complete-check');
    expect(block.map((s) => s.id)).toContain('report-owner');
  });

  it('sends a 511 to the network sign-in page, not to the site', () => {
    expect(visitorIds(statusEntry(511))).toEqual(['sign-in-network', 'other-network']);
  });

  it('fits network failures: DNS to the address and the DNS cache, offline to the connection', () => {
    expect(visitorIds(NETWORK_CATALOGUE.dns)).toEqual(
      expect.arrayContaining(['check-address', 'flush-dns', 'other-network']),
    );
    expect(visitorIds(NETWORK_CATALOGUE.offline)[0]).toBe('check-connection');
    expect(visitorIds(NETWORK_CATALOGUE.tls)[0]).toBe('check-clock');
  });

  it('gives every step a title and a reason, and no step twice', () => {
    const entries = [
      500, 501, 502, 503, 504, 507, 508, 509, 511, 520, 521, 522, 523, 524, 525, 526, 527, 529, 530,
      598, 599,
    ]
      .map((code) => statusEntry(code))
      .concat(
        Object.values(NETWORK_CATALOGUE),
        ['1016', '1033', '1101', '1102', '1200'].map((c) => statusEntry(530, c)),
      );
    for (const entry of entries) {
      const steps = visitorSteps({ entry, challenge: null, method: 'POST', retryAfterSeconds: 5 });
      expect(steps.length, entry.reason).toBeGreaterThan(0);
      expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
      for (const step of steps) expectRendered(step);
    }
  });

  it('knows its own step ids and nothing else', () => {
    expect(isVisitorStepId('hard-reload')).toBe(true);
    expect(isVisitorStepId('toString')).toBe(false);
    expect(translate(visitorStep('flush-dns').title)).toBe("Clear your device's DNS cache");
  });
});

describe('owner steps', () => {
  it("points nginx's owner at error.log and the messages that name the cause", () => {
    const [first] = ownerText(statusEntry(502), gateway('nginx', 'nginx'));
    expect(first).toContain('error.log');
    expect(first).toContain('connect() failed (111: Connection refused)');
    expect(first).toContain('upstream prematurely closed connection');
  });

  it('names the nginx timeouts on a 504, with their default (nginx docs: 60s)', () => {
    const [first] = ownerText(statusEntry(504), gateway('openresty', 'OpenResty'));
    expect(first).toContain('proxy_read_timeout');
    expect(first).toContain('60 seconds');
  });

  it('asks for what Cloudflare asks owners to collect: code, time and time zone, URL, Ray ID', () => {
    const steps = ownerText(statusEntry(522), gateway('cloudflare', 'Cloudflare'));
    expect(steps.map((s) => s.split(':')[0])).toEqual([
      'cloudflare-allow-ips',
      'cloudflare-origin-ip',
      'cloudflare-collect',
      'slow-requests',
      'gateway-logs',
    ]);
    const collect = steps.find((s) => s.startsWith('cloudflare-collect'));
    expect(collect).toMatch(/Ray ID/);
    expect(collect).toMatch(/time zone/);
    expect(collect).toMatch(/URL/);
  });

  it.each([
    [520, /16 KB/],
    [524, /100 seconds/],
    [525, /443/],
    [526, /Full \(strict\)/],
  ])('gives Cloudflare %i its documented check', (code, documented) => {
    expect(ownerText(statusEntry(code), gateway('cloudflare', 'Cloudflare'))[0]).toMatch(
      documented,
    );
  });

  it('reads the 1xxx code: a tunnel error sends the owner to cloudflared', () => {
    expect(ownerText(statusEntry(530, '1033'), gateway('cloudflare', 'Cloudflare'))[0]).toContain(
      'cloudflared',
    );
  });

  it('checks the ALB idle timeout (60 seconds by default, per AWS) on a 504', () => {
    expect(
      ownerText(statusEntry(504), gateway('aws-elb', 'AWS Elastic Load Balancing'))[0],
    ).toMatch(/idle timeout \(60 seconds by default\)/);
  });

  it("lists Heroku's router H codes", () => {
    expect(ownerText(statusEntry(503), gateway('heroku', 'Heroku'))[0]).toMatch(
      /H10.*H12.*H13.*H14/,
    );
  });

  it("sends a Shopify store's owner to Shopify, which runs the servers, before any server check", () => {
    const [first] = ownerText(statusEntry(503), gateway('shopify', 'Shopify'));
    expect(first).toMatch(/^shopify-status: .*shopifystatus\.com.*Shopify Support/);
  });

  it('falls back to generic steps for a gateway nobody named', () => {
    expect(
      ownerSteps({ entry: statusEntry(502), failedGateway: undefined, challenge: null }).map(
        (s) => s.id,
      ),
    ).toEqual(['app-running', 'gateway-logs', 'server-logs']);
  });

  it('has nothing for the owner when the visitor is offline or behind a captive portal', () => {
    expect(
      ownerSteps({ entry: NETWORK_CATALOGUE.offline, failedGateway: undefined, challenge: null }),
    ).toEqual([]);
    expect(
      ownerSteps({ entry: statusEntry(511), failedGateway: undefined, challenge: null }),
    ).toEqual([]);
  });

  it('asks the owner to review the rule behind a bot check, not to fix a server', () => {
    const steps = ownerSteps({
      entry: statusEntry(403),
      failedGateway: gateway('cloudflare', 'Cloudflare'),
      challenge: { vendor: 'Cloudflare', blocked: false },
    });
    expect(steps.map((s) => s.id)).toEqual(['security-rules']);
  });

  it('does not mistake an object property name for a product', () => {
    expect(ownerText(statusEntry(502), gateway('constructor', 'x'))[0]).toMatch(/^app-running/);
  });
});

function expectRendered(step: GuidanceStep) {
  for (const text of [step.title, step.why, ...(step.limit ? [step.limit] : [])]) {
    const out = translate(text);
    expect(out).not.toBe(text.key);
    expect(out).not.toMatch(/\$\w+\$|\$\d/);
  }
}
