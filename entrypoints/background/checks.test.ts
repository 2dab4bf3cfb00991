import { describe, expect, it, vi } from 'vitest';
import type { Observation } from '@/lib/diagnosis/types';
import { pageFailed, type TabIncident } from '@/lib/incident/tab-incident';
import type { SenderContext } from '@/lib/platform/messages';
import type { JsonAnswer } from '@/lib/platform/outside-requests';
import type { ProbeResult } from '@/lib/platform/probe';
import { createCheckHandlers, type CheckDeps } from './checks';

const page = (overrides: Partial<Observation> = {}): Observation => ({
  url: 'https://shop.example.com/cart?item=3',
  method: 'GET',
  statusCode: 502,
  headers: [{ name: 'Server', value: 'nginx' }],
  frame: 'main_frame',
  ip: '203.0.113.5',
  time: 1_000,
  ...overrides,
});

const popup: SenderContext = { kind: 'extension-page', tabId: undefined };
const panelIn = (tabId: number): SenderContext => ({ kind: 'content-script', tabId });

function handlersWith(incidents: Record<number, TabIncident>, overrides: Partial<CheckDeps> = {}) {
  const deps: CheckDeps = {
    incidents: { get: async (tabId: number) => incidents[tabId] ?? null },
    probe: vi.fn(
      async (_url: string, { credentials }: { credentials?: RequestCredentials } = {}) =>
        (credentials === 'omit'
          ? { outcome: 'back', statusCode: 200, time: 7 }
          : { outcome: 'still-failing', statusCode: 502, time: 7 }) satisfies ProbeResult,
    ) as unknown as CheckDeps['probe'],
    fetchJson: vi.fn(async (): Promise<JsonAnswer> => ({ kind: 'no-answer' })),
    removeSiteData: vi.fn(async () => undefined),
    hasPermission: vi.fn(async () => true),
    dns: () => undefined,
    browserName: 'chrome',
    now: () => 42,
    ...overrides,
  };
  return { handlers: createCheckHandlers(deps), deps };
}

describe('compareSessions', () => {
  it('asks for the failed page with and without cookies, and returns both answers', async () => {
    const { handlers, deps } = handlersWith({ 4: pageFailed(page()) });
    expect(await handlers.compareSessions({ tabId: 4 }, popup)).toEqual({
      outcome: 'compared',
      withCookies: { outcome: 'still-failing', statusCode: 502, time: 7 },
      withoutCookies: { outcome: 'back', statusCode: 200, time: 7 },
    });
    expect(deps.probe).toHaveBeenCalledWith('https://shop.example.com/cart?item=3', {
      credentials: 'include',
    });
    expect(deps.probe).toHaveBeenCalledWith('https://shop.example.com/cart?item=3', {
      credentials: 'omit',
    });
  });

  it('never asks again for a page that came from a form, nor for a tab with no failed page', async () => {
    const { handlers, deps } = handlersWith({ 4: pageFailed(page({ method: 'POST' })) });
    expect(await handlers.compareSessions({ tabId: 4 }, popup)).toEqual({
      outcome: 'refused-post',
    });
    expect(await handlers.compareSessions({ tabId: 5 }, popup)).toEqual({
      outcome: 'nothing-to-retry',
    });
    expect(deps.probe).not.toHaveBeenCalled();
  });
});

describe('clearSiteData', () => {
  it('clears the site of the sending panel’s own tab, whatever tab its message names', async () => {
    const { handlers, deps } = handlersWith({
      4: pageFailed(page()),
      9: pageFailed(page({ url: 'https://bank.example/' })),
    });
    expect(await handlers.clearSiteData({ tabId: 9 }, panelIn(4))).toEqual({
      outcome: 'cleared',
      time: 42,
    });
    expect(deps.removeSiteData).toHaveBeenCalledOnce();
    expect(vi.mocked(deps.removeSiteData).mock.calls[0]?.[0]).toMatchObject({
      browser: 'chrome',
      origin: 'https://shop.example.com',
    });
  });

  it('plans for the browser it runs in', async () => {
    const { handlers, deps } = handlersWith({ 4: pageFailed(page()) }, { browserName: 'firefox' });
    await handlers.clearSiteData({ tabId: 4 }, popup);
    expect(vi.mocked(deps.removeSiteData).mock.calls[0]?.[0]).toMatchObject({
      browser: 'firefox',
      host: 'shop.example.com',
    });
  });

  it('says what the browser refused, and that there is nothing to clear without a failed page', async () => {
    const { handlers } = handlersWith(
      { 4: pageFailed(page()) },
      { removeSiteData: async () => Promise.reject(new Error('Invalid origin')) },
    );
    expect(await handlers.clearSiteData({ tabId: 4 }, popup)).toEqual({
      outcome: 'failed',
      error: 'Invalid origin',
    });
    expect(await handlers.clearSiteData({ tabId: 8 }, popup)).toEqual({
      outcome: 'nothing-to-clear',
    });
  });

  it('clears nothing, and says so, while browsingData is not granted', async () => {
    const { handlers, deps } = handlersWith(
      { 4: pageFailed(page()) },
      { hasPermission: vi.fn(async () => false) },
    );
    expect(await handlers.clearSiteData({ tabId: 4 }, panelIn(4))).toEqual({
      outcome: 'not-allowed',
    });
    expect(deps.hasPermission).toHaveBeenCalledWith('browsingData');
    expect(deps.removeSiteData).not.toHaveBeenCalled();
  });
});

describe('lookUpAddress', () => {
  const dnsAnswering = (addresses: string[]) => {
    const resolve = vi.fn(async () => ({ addresses }));
    return { resolve, dns: () => ({ resolve }) };
  };

  it('looks the host up past the DNS cache and compares with the failed request’s address', async () => {
    const { resolve, dns } = dnsAnswering(['198.51.100.7']);
    const { handlers } = handlersWith({ 4: pageFailed(page()) }, { dns });
    expect(await handlers.lookUpAddress({ tabId: 4 }, popup)).toEqual({
      outcome: 'resolved',
      host: 'shop.example.com',
      addresses: ['198.51.100.7'],
      observedIp: '203.0.113.5',
      comparison: 'changed',
      time: 42,
    });
    expect(resolve).toHaveBeenCalledWith('shop.example.com', ['bypass_cache']);
  });

  it('says so when the browser has no DNS API, the page has no name, or the lookup fails', async () => {
    const incidents = {
      4: pageFailed(page()),
      5: pageFailed(page({ url: 'http://127.0.0.1:8787/x' })),
    };
    expect(await handlersWith(incidents).handlers.lookUpAddress({ tabId: 4 }, popup)).toEqual({
      outcome: 'unavailable',
    });
    const { dns } = dnsAnswering([]);
    expect(
      await handlersWith(incidents, { dns }).handlers.lookUpAddress({ tabId: 5 }, popup),
    ).toEqual({ outcome: 'no-name', host: '127.0.0.1' });
    const failing = () => ({
      resolve: async () => Promise.reject({ message: 'NS_ERROR_UNKNOWN_HOST' }),
    });
    expect(
      await handlersWith(incidents, { dns: failing }).handlers.lookUpAddress({ tabId: 4 }, popup),
    ).toEqual({ outcome: 'failed', host: 'shop.example.com', error: 'NS_ERROR_UNKNOWN_HOST' });
  });
});

describe('statusPage', () => {
  const statusJson: JsonAnswer = {
    kind: 'json',
    value: { status: { indicator: 'major', description: 'Partial System Outage' } },
  };

  it('asks status.<domain> and reads its Statuspage answer', async () => {
    const fetchJson = vi.fn(async () => statusJson);
    const { handlers } = handlersWith({ 4: pageFailed(page()) }, { fetchJson });
    expect(await handlers.statusPage({ tabId: 4, domain: 'example.com' }, popup)).toEqual({
      outcome: 'found',
      url: 'https://status.example.com/api/v2/status.json',
      status: { indicator: 'major', description: 'Partial System Outage' },
    });
  });

  it('asks nothing for a domain that is not the page’s own', async () => {
    const fetchJson = vi.fn(async () => statusJson);
    const { handlers } = handlersWith({ 4: pageFailed(page()) }, { fetchJson });
    expect(await handlers.statusPage({ tabId: 4, domain: 'attacker.example' }, popup)).toEqual({
      outcome: 'no-domain',
    });
    expect(await handlers.statusPage({ tabId: 4, domain: 42 as unknown as string }, popup)).toEqual(
      { outcome: 'no-domain' },
    );
    expect(fetchJson).not.toHaveBeenCalled();
  });

  it.each([
    [
      { kind: 'error-status', statusCode: 404 },
      { outcome: 'not-found', statusCode: 404 },
    ],
    [{ kind: 'json', value: { hello: 'world' } }, { outcome: 'unreadable' }],
    [{ kind: 'unreadable' }, { outcome: 'unreadable' }],
    [{ kind: 'no-answer' }, { outcome: 'no-answer' }],
  ] as const)('turns %j into %j', async (answer, expected) => {
    const { handlers } = handlersWith(
      { 4: pageFailed(page()) },
      { fetchJson: async () => answer as JsonAnswer },
    );
    expect(await handlers.statusPage({ tabId: 4, domain: 'example.com' }, popup)).toEqual({
      url: 'https://status.example.com/api/v2/status.json',
      ...expected,
    });
  });
});

describe('archiveLookup', () => {
  it('asks the Wayback Machine about the page, without its query string', async () => {
    const fetchJson = vi.fn(async (): Promise<JsonAnswer> => ({
      kind: 'json',
      value: { archived_snapshots: {} },
    }));
    const { handlers } = handlersWith({ 4: pageFailed(page()) }, { fetchJson });
    expect(await handlers.archiveLookup({ tabId: 4 }, popup)).toEqual({
      outcome: 'answered',
      availability: { available: false },
    });
    expect(fetchJson).toHaveBeenCalledWith(
      'https://archive.org/wayback/available?url=https%3A%2F%2Fshop.example.com%2Fcart',
    );
  });

  it('says when the archive did not answer, or not readably', async () => {
    const incidents = { 4: pageFailed(page()) };
    expect(await handlersWith(incidents).handlers.archiveLookup({ tabId: 4 }, popup)).toEqual({
      outcome: 'no-answer',
    });
    const garbled = async (): Promise<JsonAnswer> => ({ kind: 'json', value: [] });
    expect(
      await handlersWith(incidents, { fetchJson: garbled }).handlers.archiveLookup(
        { tabId: 4 },
        popup,
      ),
    ).toEqual({ outcome: 'unreadable' });
    expect(await handlersWith({}).handlers.archiveLookup({ tabId: 4 }, popup)).toEqual({
      outcome: 'nothing-to-look-up',
    });
  });
});
