/**
 * Bad input through the whole background path: fuzzed webRequest events (status lines, headers, URLs, Retry-After)
 * fed to the real handlers, onResponse and onNetworkError, with the real per-tab store, history and refreshTab over
 * WXT's fake browser. Only what the browser itself would do (tabs, reading the page, the toolbar) is faked.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { createTranslator } from '@/lib/i18n/messages';
import { createHistoryLog, historyItem } from '@/lib/platform/history';
import { createTabIncidents } from '@/lib/platform/tab-incidents';
import type { PageReading } from '@/lib/platform/page-access';
import type { BadgeView } from '@/lib/platform/toolbar';
import type { TabIncident } from '@/lib/incident/tab-incident';
import { sameDocument } from '@/lib/incident/observe';
import { normalizeHistory } from '@/lib/history/history';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import english from '@/public/_locales/en/messages.json';
import { expectValid } from '../../tests/support/valid-diagnosis';
import {
  onHeaders,
  onNetworkError,
  onResponse,
  type DetectDeps,
  type WebRequestDetails,
} from './detect';
import { diagnoseIncident, refreshTab, type ShowDeps } from './show';
import { createUntiedPages } from './untied';
import './test-support';

/** Generous: this checks that every call ends, not how fast. */
const SETTLE_MS = 10_000;
/** What one tab may keep in storage.session, however hostile its responses: fifty such tabs fit in Chrome's 10 MiB. */
const MAX_RECORD_BYTES = 192 * 1024;
/** Random event sequences per run of the suite; FUZZ_RUNS=5000 for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const OWN_ORIGIN = 'chrome-extension://gdgdgdgdgdgdgdgdgdgdgdgdgdgdgdgd/';

// ---- URLs: the web's, and everything else a browser can report or a tab can show.
const idnLabel = fc.oneof(
  fc.constantFrom('bücher', '例え', 'пример', 'xn--bcher-kva', 'ﻢﺜﺎﻟ', '🦊', 'straße', 'ıi̇'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
);
const url = fc.oneof(
  { weight: 4, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  {
    weight: 2,
    arbitrary: fc.webUrl({
      authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true },
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('http', 'https'),
        idnLabel,
        fc.constantFrom('example', 'рф', 'xn--p1ai'),
      )
      .map(([scheme, label, tld]) => `${scheme}://${label}.${tld}/`),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 2_000, max: 100_000 })
      .map((n) => `https://shop.example/search?q=${'a'.repeat(n)}#${'f'.repeat(n % 100)}`),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'http://127.0.0.1:8787/scenarios/bad-gateway-html',
      'http://[::1]:8080/',
      'http://[fe80::1%25eth0]/',
      'http://[2001:db8::1]:65535/path',
      'http://example.com:99999/',
      'http://0x7f.1/',
      'http://user:pass@shop.example:8443/a?b#c',
      'https://shop.example./trailing-dot',
      'data:text/html,<h1>502 Bad Gateway</h1>',
      'data:,',
      'file:///etc/passwd',
      'file://server/share/page.html',
      'about:blank',
      'about:srcdoc',
      'blob:https://shop.example/5f1e2d3c',
      'javascript:alert(1)',
      'view-source:https://shop.example/',
      'ws://shop.example/socket',
      'chrome://newtab/',
      'chrome-error://chromewebdata/',
      `${OWN_ORIGIN}explain.html?tabId=3`,
      'chrome-extension://otherotherotherotherotherotherot/page.html',
      'moz-extension://5c3e9d1a-7f2b-4c8e-9a6d-1b2c3d4e5f60/popup.html',
      '',
      ' ',
      'http://',
      'not a url',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);

// ---- Statuses and status lines. The browser parses the status line into a whole number; the line itself is the
// server's, any text at all.
const statusCode = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 500, max: 599 }) },
  { weight: 3, arbitrary: fc.constantFrom(200, 204, 301, 304, 403, 404, 429, 499, 0) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 600, 999, 1000, 2 ** 31) },
  { weight: 1, arbitrary: fc.integer() },
);
const statusLine = fc.option(
  fc.oneof(
    fc
      .tuple(
        fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'HTTP/3', 'http/1.1', 'HTTP/9.9', ''),
        fc.oneof(fc.integer({ min: 100, max: 999 }).map(String), fc.string({ maxLength: 4 })),
        fc.oneof(
          fc.constantFrom('Bad Gateway', 'Service Unavailable', '', 'Origin Is Unreachable'),
          fc.string({ maxLength: 40 }),
          fc.string({ unit: 'binary', maxLength: 40 }),
        ),
      )
      .map((parts) => parts.join(' ')),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.integer({ min: 1_000, max: 200_000 }).map((n) => `HTTP/1.1 502 ${'x'.repeat(n)}`),
  ),
  { nil: undefined },
);

// ---- Retry-After, in every form the RFC has and many it does not.
const retryAfter = fc.oneof(
  fc.nat({ max: 10 ** 9 }).map(String),
  fc.constantFrom(
    '0',
    '-1',
    '1.5',
    ' 120 ',
    '9'.repeat(400),
    '1e9',
    'Infinity',
    'NaN',
    '0x10',
    '',
    'Fri, 31 Dec 1999 23:59:59 GMT',
    'Wed, 21 Oct 2015 07:28:00 GMT',
    'Sun, 06 Nov 1994 08:49:37 GMT',
    'Sunday, 06-Nov-94 08:49:37 GMT',
    'Sun Nov  6 08:49:37 1994',
    'Mon, 31 Feb 2100 00:00:00 GMT',
    'Tue, 01 Jan 0000 00:00:00 GMT',
    'Fri, 31 Dec 9999 23:59:60 GMT',
    'Thu, 01 Jan 1970 00:00:00 GMT',
    'tomorrow',
    '120, 240',
  ),
  fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
  fc.string({ maxLength: 80 }),
);

// ---- Headers: names and values of any size, casing and encoding, duplicated, or sent as bytes only.
const headerName = fc.oneof(
  fc.constantFrom(
    'Server',
    'server',
    'SERVER',
    'Via',
    'CF-RAY',
    'cf-mitigated',
    'Retry-After',
    'retry-after',
    'X-Cache',
    'x-amz-cf-id',
    'x-amzn-ErrorType',
    'Content-Type',
    'Set-Cookie',
    'X-Request-Id',
    '',
    ' ',
    'Content-Length',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => `x-${'n'.repeat(n)}`),
);
const headerValue = fc.oneof(
  fc.constantFrom(
    'cloudflare',
    'nginx/1.25.3',
    'challenge',
    '1.1 varnish, 1.1 vegur',
    'Error from cloudfront',
    'AkamaiGHost',
    '8f1e2d3c4b5a6978-FRA',
    'text/html; charset=utf-8',
  ),
  retryAfter,
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  // Latin-1 bytes read as UTF-8, and the replacement character, as a badly encoded header arrives.
  fc.constantFrom('caf\u00e9', 'caf\ufffd', '\u00c3\u00a9t\u00c3\u00a9', '\u0000\u0001\u007f'),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'v'.repeat(n)),
);
const header = fc.oneof(
  { weight: 5, arbitrary: fc.record({ name: headerName, value: headerValue }) },
  {
    weight: 1,
    arbitrary: fc.record({
      name: fc.constantFrom('Retry-After', 'retry-after', 'RETRY-AFTER'),
      value: retryAfter,
    }),
  },
  // Chrome sends `binaryValue` instead of `value` for bytes that are not UTF-8.
  {
    weight: 1,
    arbitrary: fc.record({
      name: headerName,
      binaryValue: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }),
    }),
  },
);
const responseHeaders = fc.option(
  fc.oneof(
    { weight: 5, arbitrary: fc.array(header, { maxLength: 30 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(header, fc.integer({ min: 50, max: 600 }))
        .map(([h, n]) => Array.from({ length: n }, () => h)),
    },
  ),
  { nil: undefined },
);

const networkError = fc.oneof(
  fc.constantFrom(
    'net::ERR_CONNECTION_REFUSED',
    'net::ERR_NAME_NOT_RESOLVED',
    'net::ERR_CERT_DATE_INVALID',
    'net::ERR_ABORTED',
    'net::ERR_INTERNET_DISCONNECTED',
    'NS_ERROR_NET_RESET',
    'NS_BINDING_ABORTED',
    'SEC_ERROR_UNKNOWN_ISSUER',
  ),
  fc.string({ maxLength: 200 }),
);

const TABS = [-1, 1, 2, 3] as const;
const tabId = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...TABS.filter((id) => id >= 0)) },
  { weight: 1, arbitrary: fc.constant(-1) },
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 2 ** 31 - 1 }) },
);
/** Rare: most events are about a page in a tab, a few carry the oddities that make the browser's events ignorable. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.option(arbitrary, { freq: 6, nil: undefined });

const details: fc.Arbitrary<WebRequestDetails> = fc.record(
  {
    tabId,
    frameId: fc.constantFrom(0, 0, 3, -1),
    type: fc.oneof(
      { weight: 4, arbitrary: fc.constant('main_frame') },
      { weight: 3, arbitrary: fc.constant('xmlhttprequest') },
      { weight: 1, arbitrary: fc.constant('sub_frame') },
      { weight: 1, arbitrary: fc.constantFrom('image', 'script', 'ping', 'other') },
    ),
    url,
    method: fc.oneof(
      fc.constantFrom('GET', 'GET', 'POST', 'HEAD', 'PUT', 'OPTIONS'),
      fc.string({ maxLength: 12 }),
    ),
    statusCode,
    statusLine,
    responseHeaders,
    // The browser's own clock, not the web's input: finite, but not always sensible.
    timeStamp: fc.oneof(
      fc.double({ min: 1.5e12, max: 2e12, noNaN: true }),
      fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER),
    ),
    ip: fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 20 })),
    error: networkError,
    initiator: sometimes(fc.oneof(url, fc.constant(OWN_ORIGIN.slice(0, -1)))),
    originUrl: sometimes(url),
    documentUrl: url,
    documentLifecycle: sometimes(fc.constantFrom('active', 'prerender', 'cached')),
    frameType: sometimes(fc.constantFrom('outermost_frame', 'fenced_frame', 'sub_frame')),
    // Few ids, so that a page's headers and its completion often share one.
    requestId: fc.constantFrom('1', '2', '3'),
  },
  {
    requiredKeys: [
      'tabId',
      'type',
      'url',
      'method',
      'timeStamp',
      'statusCode',
      'initiator',
      'originUrl',
      'documentLifecycle',
      'frameType',
    ],
  },
) as fc.Arbitrary<WebRequestDetails>;

const reading: fc.Arbitrary<PageReading> = fc.oneof(
  fc.record({
    kind: fc.constant('read' as const),
    markers: fc.record({
      title: fc.oneof(fc.string({ maxLength: 60 }), fc.constant('Just a moment...')),
      text: fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('error code: 1016', 'Error 1033', '502 Bad Gateway\nnginx'),
      ),
    }),
  }),
  fc.constant({ kind: 'error-page' as const }),
  fc.record({ kind: fc.constant('unreadable' as const), reason: fc.string({ maxLength: 20 }) }),
);

const someSettings: fc.Arbitrary<Settings> = fc.record({
  panelEnabled: fc.boolean(),
  explainEmptyErrors: fc.boolean(),
  showPageApiFailures: fc.boolean(),
  ignoreLocalAddresses: fc.boolean(),
  historyMode: fc.constantFrom('off', 'origin', 'full'),
  ignoredSites: fc.constantFrom([], ['shop.example'], ['127.0.0.1:8787', '[::1]:8080']),
  watchGiveUpMinutes: fc.constant(DEFAULT_SETTINGS.watchGiveUpMinutes),
  notifications: fc.boolean(),
  reloadWhenBack: fc.boolean(),
});

const settings = fc.oneof(
  { weight: 3, arbitrary: fc.constant(DEFAULT_SETTINGS) },
  { weight: 1, arbitrary: someSettings },
);

/** What happens to a tab between webRequest events: it completes, closes, or moves on by itself. */
type Step =
  | { readonly kind: 'headers' | 'response' | 'error'; readonly details: WebRequestDetails }
  | { readonly kind: 'complete' | 'close'; readonly tabId: number }
  | { readonly kind: 'navigate'; readonly tabId: number; readonly url: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: details.map((d) => ({ kind: 'response' as const, details: d })) },
  { weight: 2, arbitrary: details.map((d) => ({ kind: 'headers' as const, details: d })) },
  { weight: 2, arbitrary: details.map((d) => ({ kind: 'error' as const, details: d })) },
  { weight: 3, arbitrary: tabId.map((id) => ({ kind: 'complete' as const, tabId: id })) },
  { weight: 1, arbitrary: tabId.map((id) => ({ kind: 'close' as const, tabId: id })) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('navigate' as const), tabId, url }),
  },
);

/** A run: steps in order, each either awaited or left running while the next starts (as events overlap). */
const run = fc.record({
  steps: fc.array(fc.tuple(step, fc.boolean()), { minLength: 1, maxLength: 25, size: 'max' }),
  settings,
  readings: fc.array(reading, { minLength: 1, maxLength: 4 }),
  incognito: fc.boolean(),
  online: fc.oneof(
    { weight: 5, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
});

type Run = typeof run extends fc.Arbitrary<infer T> ? T : never;

/** Rejects when `promise` has not settled in `SETTLE_MS`: a call that never returns is a failure too. */
function settled<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle`)), SETTLE_MS);
  });
  return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
}

interface Tab {
  url: string;
  status: 'loading' | 'complete';
}

/** The browser around the handlers: its tabs and the calls the extension made on it. */
function fakeBrowserAround(r: Run) {
  const tabs = new Map<number, Tab>();
  const closed = new Set<number>();
  const toolbar: { tabId: number; badge: BadgeView; title: string }[] = [];
  const cleared: number[] = [];
  const navigations: { tabId: number; url: string }[] = [];
  const injected: number[] = [];
  let read = 0;
  const nextReading = () => r.readings[read++ % r.readings.length]!;
  const incidents = createTabIncidents(storage);
  const untied = createUntiedPages(() => 1.7e12);
  const history = createHistoryLog(historyItem);
  const loadSettings = async () => r.settings;
  const getTab = async (id: number) => {
    const tab = tabs.get(id);
    if (!tab) throw new Error(`No tab with id: ${id}`);
    return { id, ...tab, incognito: r.incognito };
  };
  const show: ShowDeps = {
    incidents,
    tabs: {
      get: getTab,
      update: async (id: number, change: { url?: string }) => {
        navigations.push({ tabId: id, url: change.url ?? '' });
        return getTab(id);
      },
    } as never,
    settings: loadSettings,
    history,
    readPage: async () => nextReading(),
    // The panel meets the page the reading would have: Chrome's error page refuses it too.
    injectPanel: async (id) => {
      const page = nextReading().kind;
      if (page === 'read') injected.push(id);
      return page === 'read' ? 'injected' : page === 'error-page' ? 'error-page' : 'failed';
    },
    showOnToolbar: async (id, badge, title) => void toolbar.push({ tabId: id, badge, title }),
    clearToolbar: async (id) => void cleared.push(id),
    translate: createTranslator(english),
    adoptUntied: (u) => untied.adopt(u),
    untiedWaiting: () => untied.waiting(),
    explanationPage: (id) => `${OWN_ORIGIN}explain.html?tabId=${id}`,
    watchOf: async () => undefined,
    clock: (at) => new Date(at).toISOString().slice(11, 16),
  };
  const detect: DetectDeps = {
    incidents,
    untied,
    history,
    settings: loadSettings,
    refresh: (id) => refreshTab(id, show),
    clearToolbar: show.clearToolbar,
    pageUrlOf: async (id) => (await getTab(id)).url,
    online: () => r.online,
    ownOrigin: OWN_ORIGIN,
  };

  function apply(s: Step): Promise<unknown> {
    switch (s.kind) {
      case 'headers':
      case 'response':
      case 'error': {
        const d = s.details;
        // A top-level load is what the tab now shows; the browser reports the tab complete soon after (its headers
        // come while it still loads). An event for a tab not seen yet comes from a tab open on some page; one for a
        // closed tab is late, and has none.
        if (d.tabId >= 0 && !closed.has(d.tabId)) {
          if (d.type === 'main_frame')
            tabs.set(d.tabId, {
              url: d.url,
              status: s.kind === 'headers' ? 'loading' : 'complete',
            });
          else if (!tabs.has(d.tabId))
            tabs.set(d.tabId, { url: d.documentUrl ?? d.url, status: 'complete' });
        }
        // onResponse returns nothing for an event it ignores at once.
        return (
          (s.kind === 'headers'
            ? onHeaders(d, detect)
            : s.kind === 'response'
              ? onResponse(d, detect)
              : onNetworkError(d, detect)) ?? Promise.resolve()
        );
      }
      case 'complete': {
        const tab = tabs.get(s.tabId);
        if (tab) tab.status = 'complete';
        return refreshTab(s.tabId, show);
      }
      case 'close':
        tabs.delete(s.tabId);
        closed.add(s.tabId);
        return incidents.tabClosed(s.tabId);
      case 'navigate':
        if (!closed.has(s.tabId)) tabs.set(s.tabId, { url: s.url, status: 'loading' });
        return Promise.resolve();
    }
  }

  return { apply, toolbar, cleared, navigations, injected, tabs };
}

/** A stored record as the rest of the extension relies on it. */
async function expectValidRecord(key: string, record: TabIncident) {
  expect(key).toMatch(/^tab:\d+$/);
  const bytes = JSON.stringify(record).length;
  expect(bytes, `${key} holds ${bytes} bytes`).toBeLessThanOrEqual(MAX_RECORD_BYTES);
  expect(typeof record.url).toBe('string');
  expect(typeof record.shown).toBe('boolean');
  expect(typeof record.explained).toBe('boolean');
  expect(Array.isArray(record.parts)).toBe(true);
  for (const part of record.parts) {
    expect(['api', 'frame']).toContain(part.part);
    expect(typeof part.host).toBe('string');
    expect(Number.isInteger(part.count) && part.count >= 1).toBe(true);
  }
  expect(record.page !== null || record.parts.length > 0, `${key} records nothing`).toBe(true);
  const diagnosis = await diagnoseIncident(record);
  // Failing frames alone are kept for the popup, and explained by nothing (they are usually ads).
  if (record.page || record.parts.some((part) => part.part === 'api')) {
    expect(diagnosis).not.toBeNull();
    expectValid(diagnosis!);
  } else expect(diagnosis).toBeNull();
}

describe('the background fed bad input', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lets no exception escape, stores only valid bounded records and settles every call', async () => {
    const reached = { records: 0, badges: 0, panels: 0, explanationPages: 0, history: 0 };
    await fc.assert(
      fc.asyncProperty(run, async (r) => {
        fakeBrowser.reset();
        const browser = fakeBrowserAround(r);
        const running: Promise<unknown>[] = [];
        for (const [s, overlap] of r.steps) {
          const call = settled(s.kind, browser.apply(s));
          running.push(call);
          if (!overlap) await call;
        }
        await Promise.all(running);
        // Every tab still open completes at last, as it does in a browser.
        await Promise.all(
          [...browser.tabs.keys()].map((id) =>
            settled('complete', browser.apply({ kind: 'complete', tabId: id })),
          ),
        );

        const stored = await fakeBrowser.storage.session.get(null);
        for (const [key, record] of Object.entries(stored))
          await expectValidRecord(key, record as TabIncident);
        // A closed tab leaves nothing behind, even when events for it were still being handled as it closed, and
        // a completed tab's record is about the page it shows (or the explanation page standing in for it).
        for (const [key, record] of Object.entries(stored)) {
          const tabId = Number(key.slice(4));
          const tab = browser.tabs.get(tabId);
          expect(tab, `${key} outlived its tab`).toBeDefined();
          const explained = tab!.url === `${OWN_ORIGIN}explain.html?tabId=${tabId}`;
          if (!explained)
            expect(sameDocument(tab!.url, (record as TabIncident).url), `${key} is stale`).toBe(
              true,
            );
        }
        const { history = [] } = (await fakeBrowser.storage.local.get('history')) as {
          history?: unknown[];
        };
        expect(normalizeHistory(history)).toEqual(history);
        reached.records += Object.keys(stored).length;
        reached.badges += browser.toolbar.length;
        reached.panels += browser.injected.length;
        reached.explanationPages += browser.navigations.length;
        reached.history += history.length;
        for (const { tabId: id, badge, title } of browser.toolbar) {
          expect(id).toBeGreaterThanOrEqual(0);
          expect(badge.text).toMatch(/^(5\d\d|!|API)$/);
          expect(badge.color).toMatch(/^#[0-9a-f]{6}$/);
          expect(title.length).toBeGreaterThan(0);
          expect(title).not.toMatch(/\$[a-z0-9_]+\$/i);
        }
        for (const { tabId: id, url: target } of browser.navigations)
          expect(target).toBe(`${OWN_ORIGIN}explain.html?tabId=${id}`);
      }),
      { numRuns: RUNS },
    );
    // Not a vacuous run: the generated events reached every part of the path.
    expect(reached.records).toBeGreaterThan(RUNS / 10);
    expect(reached.badges).toBeGreaterThan(RUNS / 10);
    expect(reached.panels).toBeGreaterThan(0);
    expect(reached.explanationPages).toBeGreaterThan(0);
    expect(reached.history).toBeGreaterThan(0);
  }, 120_000);
});

describe('a failed page, whatever its address', () => {
  beforeEach(() => fakeBrowser.reset());

  const webUrl = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.webUrl({ authoritySettings: { withIPv4: true, withIPv6: true, withPort: true } }),
    fc
      .tuple(idnLabel, fc.constantFrom('example', 'рф'))
      // The browser reports the host in its ASCII (punycode) form.
      .map(([label, tld]) => URL.parse(`https://${label}.${tld}/`)?.href ?? '')
      .filter((href) => /^https:\/\/[^/]+\/$/.test(href)),
    // Sign-in redirects and search pages carry addresses of many kilobytes.
    fc
      .integer({ min: 2_000, max: 20_000 })
      .map((n) => `https://login.example/callback?state=${'s'.repeat(n)}`),
  );

  it('gets its status on its tab’s badge', async () => {
    await fc.assert(
      fc.asyncProperty(webUrl, fc.integer({ min: 500, max: 599 }), async (address, status) => {
        fakeBrowser.reset();
        const browser = fakeBrowserAround({
          steps: [],
          settings: DEFAULT_SETTINGS,
          readings: [{ kind: 'read', markers: { title: `${status}`, text: 'nginx' } }],
          incognito: false,
          online: true,
        });
        const response = {
          tabId: 1,
          frameId: 0,
          type: 'main_frame',
          url: address,
          method: 'GET',
          statusCode: status,
          statusLine: `HTTP/1.1 ${status} Failed`,
          responseHeaders: [{ name: 'Server', value: 'nginx' }],
          timeStamp: 1.7e12,
        };
        await settled('response', browser.apply({ kind: 'response', details: response }));
        await settled('complete', browser.apply({ kind: 'complete', tabId: 1 }));
        expect(browser.toolbar.at(-1)?.badge.text).toBe(String(status));
        expect(browser.cleared).toEqual([]);
        expect(browser.injected).toEqual([1]);
      }),
      { numRuns: 200 },
    );
  });
});
