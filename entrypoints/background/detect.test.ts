import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import {
  onHeaders,
  onNetworkError,
  onResponse,
  type DetectDeps,
  type WebRequestDetails,
} from './detect';
import { withMarkers, withShown } from '@/lib/incident/tab-incident';
import { oneAtATimePerTab } from './one-at-a-time';
import { createUntiedPages } from './untied';
import { createTabIncidents } from '@/lib/platform/tab-incidents';
import { createHistoryLog, historyItem } from '@/lib/platform/history';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';

const page = (overrides: Partial<WebRequestDetails> = {}): WebRequestDetails => ({
  tabId: 4,
  frameId: 0,
  type: 'main_frame',
  url: 'https://shop.example/cart',
  method: 'GET',
  statusCode: 502,
  statusLine: 'HTTP/1.1 502 Bad Gateway',
  responseHeaders: [{ name: 'Server', value: 'nginx' }],
  timeStamp: 1_000,
  ...overrides,
});

/** The history's entry for the site's failures so far, not yet recovered. */
const openIncident = {
  time: 1_000,
  site: 'https://shop.example',
  origin: 'https://shop.example',
  statusCode: 502,
  gateway: 'nginx',
  recoveredAt: null,
};

function deps(settings: Partial<Settings> = {}) {
  return {
    incidents: createTabIncidents(storage),
    untied: createUntiedPages(() => 1_500),
    history: createHistoryLog(historyItem),
    settings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    refresh: vi.fn(async () => {}),
    clearToolbar: vi.fn(async () => {}),
    pageUrlOf: vi.fn(async () => 'https://shop.example/cart'),
    online: () => true,
    ownOrigin: 'chrome-extension://gd/',
  } satisfies DetectDeps;
}

describe('onResponse', () => {
  beforeEach(() => fakeBrowser.reset());

  it('records a failed page for its tab and refreshes the tab', async () => {
    const d = deps();
    await onResponse(page(), d);
    expect((await d.incidents.get(4))?.page?.statusCode).toBe(502);
    expect(d.refresh).toHaveBeenCalledWith(4);
  });

  it('does not touch storage for a healthy part of a page, and starts no asynchronous work for it', async () => {
    const d = deps();
    const read = vi.spyOn(d.incidents, 'get');
    const update = vi.spyOn(d.incidents, 'update');
    expect(onResponse(page({ type: 'xmlhttprequest', statusCode: 200 }), d)).toBeUndefined();
    await onResponse(page({ type: 'image', statusCode: 200 }), d);
    expect(read).not.toHaveBeenCalled();
    expect(update).not.toHaveBeenCalled();
  });

  it('counts a failing API call against the page the tab shows', async () => {
    const d = deps();
    await onResponse(
      page({ type: 'xmlhttprequest', url: 'https://api.shop.example/orders', frameId: 0 }),
      d,
    );
    const incident = await d.incidents.get(4);
    expect(incident).toMatchObject({ url: 'https://shop.example/cart', page: null });
    expect(incident?.parts.map((p) => [p.host, p.part, p.count])).toEqual([
      ['api.shop.example', 'api', 1],
    ]);
  });

  it('counts a thousand failing calls of a page, spread over time, in a few writes and refreshes', async () => {
    const write = vi.spyOn(storage, 'setItem');
    write.mockClear();
    const refreshed = vi.fn(async () => {});
    const d = { ...deps(), refresh: oneAtATimePerTab(refreshed) };
    const calls: (Promise<void> | undefined)[] = [];
    for (let i = 0; i < 1000; i++) {
      calls.push(
        onResponse(page({ type: 'xmlhttprequest', url: `https://api.shop.example/p?n=${i}` }), d),
      );
      // Ten at a time, as a poller with ten requests in flight gets its answers.
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(calls);
    expect((await d.incidents.get(4))?.parts[0]?.count).toBe(1000);
    expect(write.mock.calls.length).toBeLessThanOrEqual(10);
    expect(refreshed.mock.calls.length).toBeLessThanOrEqual(20);
  });

  it('forgets the tab’s incident when it loads a healthy page, and records the recovery', async () => {
    const d = deps();
    await onResponse(page(), d);
    await d.incidents.update(4, (current) => current && { ...current, shown: true });
    await d.history.update(() => [openIncident]);
    await onResponse(page({ statusCode: 200, timeStamp: 9_000 }), d);
    expect(await d.incidents.get(4)).toBeNull();
    expect((await d.history.read())[0]?.recoveredAt).toBe(9_000);
    expect(d.clearToolbar).toHaveBeenCalledWith(4);
    // A healthy page in a tab with nothing to forget leaves the toolbar alone.
    await onResponse(page({ tabId: 5, statusCode: 200 }), d);
    expect(d.clearToolbar).toHaveBeenCalledOnce();
  });

  it('records the recovery after a failure the worker was stopped before showing', async () => {
    const d = deps();
    await d.history.update(() => [openIncident]);
    // The site fails again; the worker records it and is stopped before its panel shows.
    await onResponse(page({ timeStamp: 5_000 }), d);
    expect((await d.incidents.get(4))?.shown).toBe(false);
    await onResponse(page({ statusCode: 200, timeStamp: 9_000 }), d);
    expect((await d.history.read())[0]?.recoveredAt).toBe(9_000);
  });

  it('stays silent for ignored sites and, when asked, local addresses', async () => {
    const ignored = deps({ ignoredSites: ['shop.example'] });
    await onResponse(page(), ignored);
    expect(await ignored.incidents.get(4)).toBeNull();
    const local = deps({ ignoreLocalAddresses: true });
    await onResponse(page({ url: 'http://127.0.0.1:8787/' }), local);
    expect(await local.incidents.get(4)).toBeNull();
    expect(local.refresh).not.toHaveBeenCalled();
  });

  it('keeps a failure with no tab aside for the tab that will show it', async () => {
    const d = deps();
    await onResponse(page({ tabId: -1 }), d);
    expect(await d.incidents.get(-1)).toBeNull();
    expect(d.untied.adopt('https://shop.example/cart')?.statusCode).toBe(502);
  });
});

describe('onHeaders', () => {
  beforeEach(() => fakeBrowser.reset());

  it('records a failed page from its headers, and its completion completes that record', async () => {
    const d = deps();
    await onHeaders(page({ requestId: '41' }), d);
    expect((await d.incidents.get(4))?.page?.statusCode).toBe(502);
    // The tab still shows the page before this one: refreshing it now would take the record for a stale one.
    expect(d.refresh).not.toHaveBeenCalled();
    // Firefox: the tab completes, the panel shows and reads the page, before the request's completion comes.
    await d.incidents.update(
      4,
      (c) => c && withShown(withMarkers(c, { title: '502', text: 'nginx' })),
    );
    await onResponse(page({ requestId: '41', ip: '203.0.113.9' }), d);
    const record = await d.incidents.get(4);
    expect(record).toMatchObject({
      shown: true,
      page: { ip: '203.0.113.9', page: { text: 'nginx' } },
    });
    expect(d.refresh).toHaveBeenCalledWith(4);
  });

  it('takes a new request for the same page (a reload) for a new failure', async () => {
    const d = deps();
    await onHeaders(page({ requestId: '41' }), d);
    await d.incidents.update(4, (c) => c && withShown(c));
    await onHeaders(page({ requestId: '42' }), d);
    expect(await d.incidents.get(4)).toMatchObject({ shown: false, webRequestId: '42' });
  });

  it('leaves healthy pages, parts of pages and untied loads to the completion, at no cost', async () => {
    const d = deps();
    const update = vi.spyOn(d.incidents, 'update');
    expect(onHeaders(page({ statusCode: 200 }), d)).toBeUndefined();
    expect(onHeaders(page({ type: 'xmlhttprequest' }), d)).toBeUndefined();
    expect(onHeaders(page({ tabId: -1 }), d)).toBeUndefined();
    expect(update).not.toHaveBeenCalled();
  });
});

describe('onNetworkError', () => {
  beforeEach(() => fakeBrowser.reset());

  it('records a page that got no answer, with the browser’s error', async () => {
    const d = deps();
    await onNetworkError(page({ statusCode: undefined, error: 'net::ERR_CONNECTION_REFUSED' }), d);
    expect((await d.incidents.get(4))?.page).toMatchObject({
      statusCode: 0,
      networkError: 'net::ERR_CONNECTION_REFUSED',
    });
  });

  it('claims nothing while the browser is offline', async () => {
    const d = { ...deps(), online: () => false };
    await onNetworkError(page({ statusCode: undefined, error: 'net::ERR_CONNECTION_REFUSED' }), d);
    expect(await d.incidents.get(4)).toBeNull();
  });
});
