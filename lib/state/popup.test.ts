import { describe, expect, it, vi } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { diagnose } from '../diagnosis/diagnose';
import type { Observation } from '../diagnosis/types';
import type { CheckProgress } from '../checks/results';
import type { HistoryEntry } from '../history/history';
import { createTranslator } from '../i18n/messages';
import { pageFailed } from '../incident/tab-incident';
import type { TabReport } from '../platform/messages';
import { createPopupState, qrAddress, type PopupDeps } from './popup';

const PAGE_URL = 'https://shop.example.com/cart?item=3#pay';
const FAILED_AT = Date.UTC(2026, 2, 1, 10, 0, 0);

function reportFor(overrides: Partial<Observation> = {}): TabReport {
  const page: Observation = {
    url: PAGE_URL,
    method: 'GET',
    statusCode: 502,
    statusLine: 'HTTP/1.1 502 Bad Gateway',
    headers: [{ name: 'Server', value: 'nginx' }],
    frame: 'main_frame',
    ip: '203.0.113.5',
    time: FAILED_AT,
    ...overrides,
  };
  return { tabId: 7, incident: pageFailed(page), diagnosis: diagnose(page) };
}

function setUp({
  report = reportFor() as TabReport | null,
  stored = null as CheckProgress | null,
  answers = {} as Record<string, unknown>,
  history = [] as HistoryEntry[],
  overrides = {} as Partial<PopupDeps>,
} = {}) {
  const sent: [string, unknown][] = [];
  const saved: CheckProgress[] = [];
  let tabReport = report;
  let recordChanged = () => {};
  const sendMessage = vi.fn(async (type: string, data: unknown) => {
    sent.push([type, data]);
    if (type === 'tabReport') return tabReport;
    const answer =
      answers[type] ?? (type === 'watchStatus' ? { kind: 'idle', fromForm: false } : undefined);
    if (answer instanceof Error) throw answer;
    return answer;
  }) as unknown as PopupDeps['sendMessage'];
  const loadDomains = vi.fn(async () => ({
    cookieDomainOf: (host: string) => (host.endsWith('example.com') ? 'example.com' : null),
    siteDomainOf: (host: string) => (host.endsWith('example.com') ? 'example.com' : null),
  }));
  const state = createPopupState(new URLSearchParams('tabId=7'), {
    tabs: {
      get: vi.fn(async (id: number) => ({
        id,
        url: report?.incident.url ?? 'https://ok.example/',
      })),
      query: vi.fn(async () => []),
    } as unknown as PopupDeps['tabs'],
    sendMessage,
    progress: {
      get: async () => saved.at(-1) ?? stored,
      set: async (_tabId: number, progress: CheckProgress) => void saved.push(progress),
    },
    history: { read: async () => history },
    browserName: 'chrome',
    translate: createTranslator(english),
    locale: () => 'en-GB',
    timeZone: () => 'Europe/Paris',
    now: () => FAILED_AT + 60_000,
    loadDomains: loadDomains as unknown as PopupDeps['loadDomains'],
    loadQr: async () => ({ qrModules: (text: string) => [[text.length > 0]] }),
    onIncidentChanged: (_tabId: number, listener: () => void) => void (recordChanged = listener),
    requestPermission: vi.fn(async () => false),
    ...overrides,
  });
  /** The background writes the tab's record anew (or removes it): it now reports `next` for the tab. */
  const recordBecomes = (next: TabReport | null) => {
    tabReport = next;
    recordChanged();
  };
  return { state, sent, saved, loadDomains, recordBecomes };
}

describe('createPopupState', () => {
  it('shows the failed tab and asks the background nothing but the tab’s report and watch when it opens', async () => {
    const { state, sent } = setUp();
    await state.load();
    expect(state.view.value).toMatchObject({ kind: 'failed', report: { tabId: 7 } });
    expect(sent).toEqual([
      ['tabReport', { tabId: 7 }],
      ['watchStatus', { tabId: 7 }],
    ]);
  });

  it('starts and stops watching the tab’s page, showing what the background says of the watch', async () => {
    const watching = {
      kind: 'watching',
      fromForm: false,
      paused: false,
      nextAt: FAILED_AT + 90_000,
    };
    const idle = { kind: 'idle', fromForm: false };
    const { state, sent } = setUp({
      answers: { watchStatus: idle, watch: watching, unwatch: idle },
    });
    await state.load();
    await vi.waitFor(() => expect(state.watch.value).toEqual(idle));

    state.startWatch();
    await vi.waitFor(() => expect(state.watch.value).toEqual(watching));
    state.stopWatch();
    await vi.waitFor(() => expect(state.watch.value).toEqual(idle));
    expect(sent.filter(([type]) => type === 'watch' || type === 'unwatch')).toEqual([
      ['watch', { tabId: 7 }],
      ['unwatch', { tabId: 7 }],
    ]);
  });

  it('asks for notifications when the watch starts, if the background said none would show', async () => {
    const requestPermission = vi.fn(async () => true);
    const { state } = setUp({
      answers: {
        watchStatus: { kind: 'idle', fromForm: false, notificationBlocked: true },
        watch: { kind: 'watching', fromForm: false, paused: false, nextAt: FAILED_AT + 90_000 },
      },
      overrides: { requestPermission },
    });
    await state.load();
    await vi.waitFor(() => expect(state.watch.value).toMatchObject({ notificationBlocked: true }));
    state.startWatch();
    expect(requestPermission).toHaveBeenCalledExactlyOnceWith('notifications');
  });

  it('shows a healthy tab with the latest incidents of the history', async () => {
    const entry = (n: number): HistoryEntry => ({
      time: n,
      site: `https://site${n}.example`,
      origin: `https://site${n}.example`,
      statusCode: 502,
      gateway: null,
      recoveredAt: null,
    });
    const history = [1, 2, 3, 4, 5, 6, 7].map(entry);
    const { state } = setUp({ report: null, history });
    await state.load();
    expect(state.view.value).toEqual({
      kind: 'healthy',
      url: 'https://ok.example/',
      recent: history.slice(0, 5),
    });
  });

  it('goes on with the checks already run for this incident, and starts afresh for a new one', async () => {
    const stored: CheckProgress = {
      url: PAGE_URL,
      lastFailure: FAILED_AT - 60_000,
      results: { reload: { time: FAILED_AT - 30_000 } },
    };
    const same = setUp({ stored });
    await same.state.load();
    expect(same.state.results.value).toEqual(stored.results);
    // The failure seen now becomes the incident's latest.
    expect(same.saved.at(-1)).toEqual({ ...stored, lastFailure: FAILED_AT });

    const later = setUp({ stored: { ...stored, lastFailure: FAILED_AT - 3_600_000 } });
    await later.state.load();
    expect(later.state.results.value).toEqual({});
  });

  it('retries, keeps the answer for the incident, and reloads the tab once the site answers', async () => {
    const back = { outcome: 'back', statusCode: 200, time: FAILED_AT + 5_000 };
    const { state, sent, saved } = setUp({ answers: { retry: back } });
    await state.load();
    await state.retry();
    expect(state.results.value.retry).toEqual(back);
    expect(saved.at(-1)?.results.retry).toEqual(back);
    expect(sent.slice(2)).toEqual([
      ['retry', { tabId: 7 }],
      ['reloadTab', { tabId: 7, bypassCache: false }],
    ]);
  });

  it('leaves the tab alone while the site still fails', async () => {
    const { state, sent } = setUp({
      answers: { retry: { outcome: 'still-failing', statusCode: 502, time: 1 } },
    });
    await state.load();
    await state.retry();
    expect(sent.map(([type]) => type)).toEqual(['tabReport', 'watchStatus', 'retry']);
  });

  it('reloads around the cache and remembers when', async () => {
    const { state, sent } = setUp();
    await state.load();
    await state.reload();
    expect(sent.at(-1)).toEqual(['reloadTab', { tabId: 7, bypassCache: true }]);
    expect(state.results.value.reload).toEqual({ time: FAILED_AT + 60_000 });
  });

  it('shows the tab afresh whenever its record changes: healthy once the site answers, the checks’ results let go', async () => {
    const { state, sent, recordBecomes } = setUp();
    await state.load();
    await state.reload();
    expect(state.view.value.kind).toBe('failed');
    recordBecomes(null);
    await vi.waitFor(() => expect(state.view.value.kind).toBe('healthy'));
    expect(state.results.value).toEqual({});
    expect(state.watch.value).toBeNull();
    expect(sent.filter(([type]) => type === 'tabReport')).toHaveLength(2);
    // It fails again: the failed view is back, with what the checks found for this incident.
    recordBecomes(reportFor({ statusCode: 504, time: FAILED_AT + 90_000 }));
    await vi.waitFor(() => expect(state.view.value.kind).toBe('failed'));
  });

  it('waits for a running check to end before it shows the tab afresh, and keeps its result', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const retry = new Promise((resolve) => (answer = resolve));
    const { state, sent, saved, recordBecomes } = setUp({ answers: { retry } });
    await state.load();
    const retrying = state.retry();
    recordBecomes(reportFor({ time: FAILED_AT + 20_000 }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Nothing is asked while the check runs: its answer is shown against the incident it ran for.
    expect(sent.filter(([type]) => type === 'tabReport')).toHaveLength(1);
    const stillFailing = { outcome: 'still-failing', statusCode: 502, time: FAILED_AT + 10_000 };
    answer(stillFailing);
    await retrying;
    await vi.waitFor(() => expect(saved.at(-1)?.lastFailure).toBe(FAILED_AT + 20_000));
    expect(saved.at(-1)?.results.retry).toEqual(stillFailing);
    expect(state.results.value.retry).toEqual(stillFailing);
  });

  it('runs each check once at a time, and says when its message could not get through', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const compare = vi.fn(() => new Promise((resolve) => (answer = resolve)));
    const { state } = setUp({
      overrides: {
        sendMessage: (async (type: string) =>
          type === 'tabReport'
            ? reportFor()
            : type === 'watchStatus'
              ? { kind: 'idle', fromForm: false }
              : compare()) as unknown as PopupDeps['sendMessage'],
      },
    });
    await state.load();
    const first = state.compareSessions();
    expect(state.running.value.has('session')).toBe(true);
    void state.compareSessions();
    expect(compare).toHaveBeenCalledOnce();
    answer({ outcome: 'refused-post' });
    await first;
    expect(state.running.value.has('session')).toBe(false);
    expect(state.results.value.session).toEqual({ outcome: 'refused-post' });

    const broken = setUp({
      answers: { lookUpAddress: new Error('Could not establish connection.') },
    });
    await broken.state.load();
    await broken.state.lookUpAddress();
    expect(broken.state.couldNotRun.value.dns).toBe('Error: Could not establish connection.');
    expect(broken.state.results.value.dns).toBeUndefined();
  });

  it('looks the registrable domain up only when the clearing or the status page needs it', async () => {
    const { state, sent, loadDomains } = setUp({
      answers: { statusPage: { outcome: 'no-answer', url: 'https://status.example.com/' } },
    });
    await state.load();
    expect(loadDomains).not.toHaveBeenCalled();
    await state.prepareClear();
    expect(state.cookieDomain.value).toBe('example.com');
    await state.statusPage();
    expect(sent.at(-1)).toEqual(['statusPage', { tabId: 7, domain: 'example.com' }]);
  });

  it('asks nothing for the status page of a site with no domain', async () => {
    const { state, sent } = setUp({ report: reportFor({ url: 'http://192.0.2.10/x' }) });
    await state.load();
    await state.statusPage();
    expect(state.results.value.statusPage).toEqual({ outcome: 'no-domain' });
    expect(sent.map(([type]) => type)).toEqual(['tabReport', 'watchStatus']);
  });

  it('asks for browsingData from the click, then clears through the background and keeps the result', async () => {
    const cleared = { outcome: 'cleared', time: FAILED_AT + 1 };
    const requestPermission = vi.fn(async () => true);
    const { state, sent, saved } = setUp({
      answers: { clearSiteData: cleared },
      overrides: { requestPermission },
    });
    await state.load();
    expect(state.clearPlan.value).toMatchObject({ browser: 'chrome', host: 'shop.example.com' });
    const clearing = state.clearSiteData();
    // Asked before anything is awaited: Firefox honours a request only from within the click's handler.
    expect(requestPermission).toHaveBeenCalledExactlyOnceWith('browsingData');
    expect(await clearing).toEqual(cleared);
    expect(sent.at(-1)).toEqual(['clearSiteData', { tabId: 7 }]);
    expect(saved.at(-1)?.results.clear).toEqual(cleared);
  });

  it('shows and hides the code of the page’s whole address, credentials never included', async () => {
    const { state } = setUp();
    await state.load();
    await state.toggleQr();
    expect(state.qr.value).toEqual([[true]]);
    await state.toggleQr();
    expect(state.qr.value).toBeNull();
    expect(qrAddress('https://user:secret@shop.example.com/cart?item=3#pay')).toBe(
      'https://shop.example.com/cart?item=3#pay',
    );
  });

  it('names the checks already run as tried in the report for the owner', async () => {
    const { state } = setUp({
      answers: {
        retry: { outcome: 'still-failing', statusCode: 502, time: FAILED_AT + 1 },
        clearSiteData: { outcome: 'cleared', time: FAILED_AT + 2 },
      },
    });
    await state.load();
    expect(state.ownerReport()).not.toContain('What I already tried');
    await state.retry();
    await state.reload();
    await state.clearSiteData();
    const report = state.ownerReport();
    expect(report).toContain(
      "What I already tried: Wait a minute, then try again; Reload the page without the cache (Ctrl+Shift+R, or Cmd+Shift+R on a Mac); Clear this site's cookies and stored data",
    );
    expect(report).toContain('https://shop.example.com/cart');
    expect(report).not.toContain('item=3');
  });
});
