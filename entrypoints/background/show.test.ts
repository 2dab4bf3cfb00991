import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { diagnoseIncident, refreshTab, showMissedFailures, type ShowDeps } from './show';
import { oneAtATimePerTab } from './one-at-a-time';
import { createTabIncidents } from '@/lib/platform/tab-incidents';
import { createHistoryLog, historyItem } from '@/lib/platform/history';
import { createTranslator } from '@/lib/i18n/messages';
import { observe } from '@/lib/incident/observe';
import { pageFailed, partFailed, withMarkers, withShown } from '@/lib/incident/tab-incident';
import type { Watch } from '@/lib/watch/watch';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import type { Injection, PageReading } from '@/lib/platform/page-access';
import english from '@/public/_locales/en/messages.json';
import './test-support';

const URL_ = 'https://shop.example/cart';
const failure = (
  headers = [
    { name: 'Server', value: 'cloudflare' },
    { name: 'CF-RAY', value: '8f1e2d3c4b5a6978-FRA' },
  ],
  statusCode = 522,
) =>
  pageFailed({ url: URL_, method: 'GET', statusCode, headers, frame: 'main_frame', time: 1_000 });

function deps({
  settings = {},
  reading = { kind: 'read', markers: { title: 'Error 522', text: 'Connection timed out' } },
  tab = { status: 'complete', url: URL_, incognito: false },
  watch,
}: { settings?: Partial<Settings>; reading?: PageReading; tab?: object; watch?: Watch } = {}) {
  return {
    incidents: createTabIncidents(storage),
    tabs: {
      get: vi.fn(async () => tab),
      update: vi.fn(async () => ({})),
    } as never as ShowDeps['tabs'],
    settings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    history: createHistoryLog(historyItem),
    readPage: vi.fn(async () => reading),
    // Chrome's own error page refuses every script, the panel's as well as the reading's.
    injectPanel: vi.fn(async (): Promise<Injection> =>
      reading.kind === 'error-page' ? 'error-page' : 'injected',
    ),
    showOnToolbar: vi.fn(async () => {}),
    clearToolbar: vi.fn(async () => {}),
    translate: createTranslator(english),
    adoptUntied: () => undefined,
    untiedWaiting: () => false,
    explanationPage: (tabId: number) => `chrome-extension://gd/explain.html?tabId=${tabId}`,
    watchOf: async (url: string) => (watch?.url === url ? watch : undefined),
    clock: (at: number) => new Date(at).toISOString().slice(11, 16),
  } satisfies ShowDeps;
}

describe('refreshTab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows the toolbar, injects the panel and writes the history, once', async () => {
    const d = deps();
    await d.incidents.update(3, () => failure());
    await Promise.all([refreshTab(3, d), refreshTab(3, d)]);
    await refreshTab(3, d);
    expect(d.injectPanel).toHaveBeenCalledOnce();
    // The panel reads the page itself: no reading of it first, to hold the panel up.
    expect(d.readPage).not.toHaveBeenCalled();
    expect(await d.history.read()).toMatchObject([
      { site: 'https://shop.example', statusCode: 522, gateway: 'Cloudflare' },
    ]);
    expect(d.showOnToolbar).toHaveBeenLastCalledWith(
      3,
      expect.objectContaining({ text: '522' }),
      expect.stringMatching(/^522 .*: Cloudflare/),
    );
  });

  it('ends with the toolbar that knows the page, when the panel sends its markers while it is injected', async () => {
    const d = deps();
    const refresh = oneAtATimePerTab((tabId) => refreshTab(tabId, d));
    let panelDone: Promise<void> = Promise.resolve();
    // The panel starts as its injection ends, and sends what it read: the record gets the markers, the tab a refresh.
    d.injectPanel.mockImplementation(async () => {
      panelDone = d.incidents
        .update(
          3,
          (c) => c && withMarkers(c, { title: '502 Bad Gateway', text: '502 Bad Gateway nginx' }),
        )
        .then(() => refresh(3));
      return 'injected';
    });
    // The run that injected the panel writes the history before its toolbar: meanwhile the markers come in.
    const write = d.history.update.bind(d.history);
    vi.spyOn(d.history, 'update').mockImplementation(async (change) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return write(change);
    });
    await d.incidents.update(3, () => failure([], 502));
    await refresh(3);
    await panelDone;
    expect(d.showOnToolbar).toHaveBeenLastCalledWith(
      3,
      expect.objectContaining({ text: '502' }),
      expect.stringMatching(/nginx/),
    );
  });

  it('reads the page for its markers when the panel is turned off', async () => {
    const d = deps({ settings: { panelEnabled: false } });
    await d.incidents.update(3, () => failure());
    await refreshTab(3, d);
    expect(d.injectPanel).not.toHaveBeenCalled();
    expect(d.readPage).toHaveBeenCalledOnce();
    expect((await d.incidents.get(3))?.page?.page?.text).toBe('Connection timed out');
    expect(d.showOnToolbar).toHaveBeenCalledWith(
      3,
      expect.objectContaining({ text: '522' }),
      expect.any(String),
    );
  });

  it('costs a healthy tab that completes no tab lookup and, once known to have no record, no storage call', async () => {
    const d = deps();
    await refreshTab(4, d);
    const read = vi.spyOn(storage, 'getItem');
    await refreshTab(4, d);
    await d.incidents.update(4, () => null);
    expect(read).not.toHaveBeenCalled();
    expect(d.tabs.get).not.toHaveBeenCalled();
    // A failure reported without a tab may be this tab's: then the tab is looked up.
    await refreshTab(4, { ...d, untiedWaiting: () => true });
    expect(d.tabs.get).toHaveBeenCalledOnce();
  });

  it('shows a failed page whose address is longer than a record keeps', async () => {
    const long = `https://login.example/callback?state=${'s'.repeat(20_000)}#done`;
    const d = deps({ tab: { status: 'complete', url: long, incognito: false } });
    await d.incidents.update(3, () =>
      pageFailed(
        observe({
          ...failure().page!,
          url: long,
          statusCode: 502,
          type: 'main_frame',
          timeStamp: 1,
        }),
      ),
    );
    await refreshTab(3, d);
    expect(d.showOnToolbar).toHaveBeenCalledWith(
      3,
      expect.objectContaining({ text: '502' }),
      expect.any(String),
    );
    expect(d.injectPanel).toHaveBeenCalledOnce();
    expect(d.clearToolbar).not.toHaveBeenCalled();
  });

  it('injects the panel before it writes the history, which can wait', async () => {
    const d = deps();
    const written = vi.spyOn(d.history, 'update');
    await d.incidents.update(3, () => failure());
    await refreshTab(3, d);
    expect(written).toHaveBeenCalledOnce();
    expect(d.injectPanel.mock.invocationCallOrder[0]).toBeLessThan(
      written.mock.invocationCallOrder[0]!,
    );
  });

  it('waits for the tab to complete on the URL that failed', async () => {
    const loading = deps({ tab: { status: 'loading', url: URL_ } });
    await loading.incidents.update(3, () => failure());
    await refreshTab(3, loading);
    expect(loading.showOnToolbar).not.toHaveBeenCalled();
    expect(await loading.incidents.get(3)).not.toBeNull();
  });

  it('forgets the record once the tab completes on a page no request is seen for', async () => {
    for (const url of ['about:blank', 'chrome://newtab/', 'file:///home/me/page.html']) {
      const d = deps({ tab: { status: 'complete', url } });
      await d.incidents.update(3, () => failure());
      await refreshTab(3, d);
      expect(await d.incidents.get(3), url).toBeNull();
      expect(d.showOnToolbar).not.toHaveBeenCalled();
    }
  });

  it('keeps the record while the tab shows its explanation page', async () => {
    const d = deps({
      tab: { status: 'complete', url: 'chrome-extension://gd/explain.html?tabId=3' },
    });
    await d.incidents.update(3, () => failure());
    await refreshTab(3, d);
    expect(await d.incidents.get(3)).not.toBeNull();
  });

  it.each([
    ['with the panel', true],
    ['with the panel turned off', false],
  ])(
    'replaces Chrome’s bare error page with the explanation page once per URL, %s',
    async (_, panelEnabled) => {
      const d = deps({ reading: { kind: 'error-page' }, settings: { panelEnabled } });
      await d.incidents.update(3, () => failure());
      await refreshTab(3, d);
      expect(d.tabs.update).toHaveBeenCalledWith(3, {
        url: 'chrome-extension://gd/explain.html?tabId=3',
      });
      // Back to the same URL: it fails again, and the bare page stays.
      await d.incidents.update(3, (current) => pageFailed(failure().page!, current));
      await refreshTab(3, d);
      expect(d.tabs.update).toHaveBeenCalledOnce();
      // Chrome's error page is found by the panel's injection, or by the reading when there is no panel.
      expect(panelEnabled ? d.readPage : d.injectPanel).not.toHaveBeenCalled();
    },
  );

  it('keeps the badge on the explanation page that took the failed page’s place, and only there', async () => {
    const failed = deps({ reading: { kind: 'error-page' } });
    await failed.incidents.update(3, () => failure());
    await refreshTab(3, failed);
    const explaining = deps({
      tab: { status: 'complete', url: 'chrome-extension://gd/explain.html?tabId=3' },
    });
    await refreshTab(3, explaining);
    expect(explaining.showOnToolbar).toHaveBeenCalledWith(
      3,
      expect.objectContaining({ text: '522' }),
      expect.stringMatching(/^522 /),
    );
    expect(explaining.clearToolbar).not.toHaveBeenCalled();
    // Another tab's explanation page, opened here by hand, is not this tab's incident.
    const other = deps({
      tab: { status: 'complete', url: 'chrome-extension://gd/explain.html?tabId=4' },
    });
    await refreshTab(3, other);
    expect(other.showOnToolbar).not.toHaveBeenCalled();
  });

  it('lets the visitor close the tab before its explanation page opens', async () => {
    const d = deps({ reading: { kind: 'error-page' } });
    d.tabs.update = vi.fn(async () => {
      throw new Error('No tab with id: 3.');
    });
    await d.incidents.update(3, () => failure());
    await expect(refreshTab(3, d)).resolves.toBeUndefined();
    expect(d.tabs.update).toHaveBeenCalledOnce();
  });

  it('respects the settings: no panel, no explanation page, no history', async () => {
    const d = deps({
      settings: { panelEnabled: false, historyMode: 'off', explainEmptyErrors: false },
    });
    await d.incidents.update(3, () => failure());
    await refreshTab(3, d);
    expect(d.injectPanel).not.toHaveBeenCalled();
    expect(await d.history.read()).toEqual([]);
    const e = deps({ reading: { kind: 'error-page' }, settings: { explainEmptyErrors: false } });
    await e.incidents.update(5, () => failure());
    await refreshTab(5, e);
    expect(e.tabs.update).not.toHaveBeenCalled();
  });

  it('keeps private windows out of the history', async () => {
    const d = deps({ tab: { status: 'complete', url: URL_, incognito: true } });
    await d.incidents.update(3, () => failure());
    await refreshTab(3, d);
    expect(await d.history.read()).toEqual([]);
    expect(d.showOnToolbar).toHaveBeenCalled();
  });

  it('says nothing at all about a bot check', async () => {
    const d = deps();
    await d.incidents.update(3, () =>
      failure(
        [
          { name: 'cf-mitigated', value: 'challenge' },
          { name: 'Server', value: 'cloudflare' },
        ],
        503,
      ),
    );
    await refreshTab(3, d);
    expect(d.showOnToolbar).not.toHaveBeenCalled();
    expect(d.injectPanel).not.toHaveBeenCalled();
    expect(await d.history.read()).toEqual([]);
  });
});

describe('refreshTab, over time', () => {
  beforeEach(() => fakeBrowser.reset());

  it('adopts a failure the browser reported with no tab once a tab completes on its URL', async () => {
    const d = {
      ...deps(),
      adoptUntied: (url: string | undefined) => (url === URL_ ? failure().page! : undefined),
      untiedWaiting: () => true,
    };
    await refreshTab(8, d);
    expect((await d.incidents.get(8))?.page?.statusCode).toBe(522);
    expect(d.showOnToolbar).toHaveBeenCalledWith(
      8,
      expect.objectContaining({ text: '522' }),
      expect.any(String),
    );
  });

  it('keeps the history bounded after 1,000 incidents, newest first', async () => {
    const d = deps({ settings: { historyMode: 'full' } });
    for (let i = 0; i < 1000; i++) {
      const url = `https://site${i}.example/page`;
      const incident = pageFailed({
        url,
        method: 'GET',
        statusCode: 502,
        headers: [],
        frame: 'main_frame',
        time: i,
      });
      await d.incidents.update(1, () => incident);
      await refreshTab(1, {
        ...d,
        tabs: { get: async () => ({ status: 'complete', url }) } as never,
      });
    }
    const history = await d.history.read();
    expect(history).toHaveLength(200);
    expect(history[0]?.site).toBe('https://site999.example/page');
    expect(history.at(-1)?.site).toBe('https://site800.example/page');
  });
});

describe('refreshTab, when the tab moves on meanwhile', () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes back a toolbar set after the tab left the failed page', async () => {
    const d = deps();
    await d.incidents.update(3, () => failure());
    const moved = { status: 'loading', url: 'https://shop.example/next' };
    d.tabs.get = vi
      .fn()
      .mockResolvedValueOnce({ status: 'complete', url: URL_, incognito: false })
      .mockResolvedValue(moved) as never;
    await refreshTab(3, d);
    expect(d.showOnToolbar).toHaveBeenCalledOnce();
    expect(d.clearToolbar).toHaveBeenCalledWith(3);
  });

  it('leaves the toolbar alone while the tab still shows the failed page', async () => {
    const d = deps();
    await d.incidents.update(3, () => failure());
    await refreshTab(3, d);
    expect(d.showOnToolbar).toHaveBeenCalled();
    expect(d.clearToolbar).not.toHaveBeenCalled();
  });
});

type Shown = [tabId: number, badge: { text: string }, title: string];

describe('refreshTab, for a watched page', () => {
  beforeEach(() => fakeBrowser.reset());

  const watch = (overrides: Partial<Watch> = {}): Watch => ({
    id: 'w1',
    url: URL_,
    tabIds: [3],
    fromForm: false,
    startedAt: 0,
    deadline: Date.UTC(2026, 2, 20, 23),
    giveUpMinutes: 120,
    retryAfterAt: null,
    attempts: 2,
    lastAttemptAt: 0,
    nextAt: Date.UTC(2026, 2, 20, 22, 7),
    pausedSince: null,
    status: 'watching',
    lastStatusCode: 522,
    endedAt: null,
    ...overrides,
  });

  it('says in the tooltip that the page is watched and when it is asked next, and keeps the code on the badge', async () => {
    const d = deps({ watch: watch() });
    await d.incidents.update(3, () => failure());
    await refreshTab(3, d);
    const [, badge, title] = vi.mocked(d.showOnToolbar).mock.lastCall as unknown as Shown;
    expect(badge.text).toBe('522');
    expect(title).toMatch(
      /^522 .*Cloudflare.*\nGateway Doctor is watching this page: next check at 22:07\.$/s,
    );
  });

  it('says when the watch is paused while the browser is offline', async () => {
    const d = deps({ watch: watch({ pausedSince: 5 }) });
    await d.incidents.update(3, () => failure());
    await refreshTab(3, d);
    expect((vi.mocked(d.showOnToolbar).mock.lastCall as unknown as Shown)[2]).toMatch(
      /\nGateway Doctor is watching this page, paused while you are offline\.$/,
    );
  });
});

describe('diagnoseIncident', () => {
  it('offers "Tell me when it’s back" for a page that failed', async () => {
    const diagnosis = await diagnoseIncident(failure());
    expect(diagnosis?.visitorSteps.map((s) => s.id)).toContain('watch');
  });

  it('does not offer it when only the page’s own calls failed: the page itself loaded', async () => {
    const api = failure().page!;
    const incident = partFailed(
      null,
      URL_,
      { ...api, url: 'https://api.shop.example/cart', frame: 'xmlhttprequest' },
      'api',
    );
    const diagnosis = await diagnoseIncident(incident);
    expect(diagnosis?.visitorSteps.length).toBeGreaterThan(0);
    expect(diagnosis?.visitorSteps.map((s) => s.id)).not.toContain('watch');
  });
});

describe('showMissedFailures', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows, at the worker’s start, the failed pages it recorded and had not shown when it stopped', async () => {
    const d = deps();
    await d.incidents.update(3, () => failure());
    await d.incidents.update(4, () => withShown(failure()));
    await d.incidents.update(5, () =>
      partFailed(
        null,
        URL_,
        observe({
          url: `${URL_}/api`,
          method: 'GET',
          statusCode: 502,
          type: 'xmlhttprequest',
          timeStamp: 1_000,
        }),
        'api',
      ),
    );
    // Not a tab's record, though it looks like one.
    await storage.setItem('session:checks:6', failure());
    const shown: number[] = [];
    await showMissedFailures(undefined, async (tabId) => {
      shown.push(tabId);
      await refreshTab(tabId, d);
    });
    await vi.waitFor(() => expect(d.injectPanel).toHaveBeenCalledOnce());
    expect(shown).toEqual([3]);
    expect((await d.incidents.get(3))?.shown).toBe(true);
  });
});
