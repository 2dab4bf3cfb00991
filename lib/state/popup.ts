import { computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { webHostOf } from '../checks/hosts';
import { progressFor, triedSteps, type StepCheck } from '../checks/progress';
import type { CheckProgress, CheckResults, ClearSiteDataResult } from '../checks/results';
import { siteDataPlan, type BrowserName } from '../checks/site-data';
import { displayUrl, ownerReport } from '../diagnosis/report';
import type { HistoryEntry } from '../history/history';
import { checkProgress } from '../platform/check-progress';
import { historyLog } from '../platform/history';
import { watchTabIncident } from '../platform/tab-incidents';
import { translate } from '../platform/i18n';
import { send, type TabReport } from '../platform/messages';
import { requestPermission } from '../platform/optional-permissions';
import type { WatchView } from '../watch/watch';
import { createWatchClient } from './watch';

export type PopupView =
  | { readonly kind: 'loading' }
  | { readonly kind: 'no-tab' }
  | {
      readonly kind: 'healthy';
      readonly url: string | undefined;
      /** The most recent incidents of the local history, newest first. */
      readonly recent: readonly HistoryEntry[];
    }
  | { readonly kind: 'failed'; readonly report: TabReport };

/** The checks that take a moment; the others answer at once. */
export type CheckId = 'retry' | 'reload' | 'session' | 'dns' | 'status-page' | 'archive' | 'qr';

/** How many of the history's incidents the popup lists on a healthy tab. */
export const RECENT_INCIDENTS = 5;

const defaults = {
  tabs: browser.tabs as Pick<typeof browser.tabs, 'get' | 'query'>,
  sendMessage: send,
  requestPermission,
  progress: checkProgress as Pick<typeof checkProgress, 'get' | 'set'>,
  history: historyLog as Pick<typeof historyLog, 'read'>,
  browserName: (import.meta.env.FIREFOX ? 'firefox' : 'chrome') as BrowserName,
  translate,
  locale: () => browser.i18n.getUILanguage(),
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  now: Date.now,
  // The Public Suffix List (~47 KB) and the QR generator load only when a button needs them.
  loadDomains: () => import('../checks/domains'),
  loadQr: () => import('../checks/qr-code'),
  /** Calls `listener` each time the background writes or removes the tab's record, until `signal` aborts. */
  onIncidentChanged(tabId: number, listener: () => void, signal: AbortSignal) {
    signal.addEventListener('abort', watchTabIncident(tabId, listener), { once: true });
  },
  /** The popup's lifetime: the page's own, unless a test ends it. */
  signal: new AbortController().signal,
};
export type PopupDeps = typeof defaults;

/**
 * The popup's state. `?tabId=N` names the tab to show (tests, and the popup opened in a tab); otherwise it is the
 * active tab of the window the popup belongs to.
 *
 * On a failed tab it walks the visitor through the checks; each result is kept with the incident in
 * storage.session (lib/platform/check-progress.ts), so closing and reopening the popup loses nothing. Nothing is
 * asked of the site or anyone else until the visitor presses the button for it.
 *
 * The popup stays open while its tab reloads (its own Reload, or the visitor's): whenever the background changes the
 * tab's record (a new failure, or a healthy page that cleared it), the popup shows the tab afresh, once no check is
 * running, so a check's answer is shown against the incident it ran for.
 */
export function createPopupState(query: URLSearchParams, overrides: Partial<PopupDeps> = {}) {
  const deps: PopupDeps = { ...defaults, ...overrides };
  const view = signal<PopupView>({ kind: 'loading' });
  const results = signal<CheckResults>({});
  const running = signal<ReadonlySet<CheckId>>(new Set());
  /** A check whose message could not be delivered, with the reason. */
  const couldNotRun = signal<Partial<Record<CheckId, string>>>({});
  /** Chrome clears cookies for this registrable domain; looked up when the confirmation opens. */
  const cookieDomain = signal<string | null | undefined>(undefined);
  const qr = signal<boolean[][] | null>(null);
  /** "Tell me when it's back" for the tab's failed page; null until the background has answered. */
  const watch = signal<WatchView | null>(null);
  let watchClient: ReturnType<typeof createWatchClient> | undefined;
  let tabId = -1;
  let record: CheckProgress | null = null;
  let following = false;
  let showing = false;
  /** The tab's record changed while a check ran or the tab was being shown: show it afresh after. */
  let changedMeanwhile = false;

  const failed = computed(() => (view.value.kind === 'failed' ? view.value.report : null));
  const clearPlan = computed(() => {
    const report = failed.value;
    return report ? siteDataPlan(report.incident.url, deps.browserName) : null;
  });

  async function targetTab() {
    const named = Number(query.get('tabId'));
    if (query.has('tabId'))
      return Number.isInteger(named) && named >= 0
        ? deps.tabs.get(named).catch(() => undefined)
        : undefined;
    const [active] = await deps.tabs.query({ active: true, currentWindow: true });
    return active;
  }

  async function load() {
    const tab = await targetTab();
    if (tab?.id === undefined) {
      view.value = { kind: 'no-tab' };
      return;
    }
    tabId = tab.id;
    if (!following) {
      following = true;
      deps.onIncidentChanged(tabId, incidentChanged, deps.signal);
    }
    await showTab();
  }

  function incidentChanged() {
    if (running.value.size > 0 || showing) changedMeanwhile = true;
    else void showTab();
  }

  async function showTab() {
    showing = true;
    try {
      await readTab();
    } finally {
      showing = false;
      if (changedMeanwhile) {
        changedMeanwhile = false;
        incidentChanged();
      }
    }
  }

  async function readTab() {
    watchClient?.dispose();
    watchClient = undefined;
    const report = await deps.sendMessage('tabReport', { tabId });
    if (!report?.incident.page) {
      // What was found for a failed page no longer applies to what the tab shows now.
      record = null;
      results.value = {};
      watch.value = null;
    }
    if (!report) {
      const history = await deps.history.read().catch((): HistoryEntry[] => []);
      const url = (await deps.tabs.get(tabId).catch(() => undefined))?.url;
      view.value = { kind: 'healthy', url, recent: history.slice(0, RECENT_INCIDENTS) };
      return;
    }
    const page = report.incident.page;
    if (page) {
      const stored = await deps.progress.get(tabId).catch(() => null);
      record = progressFor(stored, { url: report.incident.url, time: page.time }, {});
      results.value = record.results;
      if (record.lastFailure !== stored?.lastFailure) void save();
      watchClient = createWatchClient({ tabId }, (next) => (watch.value = next), {
        sendMessage: deps.sendMessage,
        requestNotifications: () => deps.requestPermission('notifications'),
      });
      void watchClient.refresh();
    }
    view.value = { kind: 'failed', report };
  }

  function save() {
    if (!record) return Promise.resolve();
    record = { ...record, results: results.value };
    return deps.progress.set(tabId, record).catch(() => undefined);
  }

  function setRunning(id: CheckId, on: boolean) {
    const next = new Set(running.value);
    if (on) next.add(id);
    else next.delete(id);
    running.value = next;
    if (next.size === 0 && changedMeanwhile) {
      changedMeanwhile = false;
      incidentChanged();
    }
  }

  /** Runs one check at a time per button, and keeps what it found for the incident. */
  async function run<K extends keyof CheckResults>(
    id: CheckId,
    key: K,
    task: () => Promise<NonNullable<CheckResults[K]>>,
  ): Promise<void> {
    if (running.value.has(id) || !failed.value) return;
    setRunning(id, true);
    couldNotRun.value = { ...couldNotRun.value, [id]: undefined };
    try {
      const result = await task();
      results.value = { ...results.value, [key]: result };
      await save();
    } catch (error) {
      couldNotRun.value = { ...couldNotRun.value, [id]: String(error).slice(0, 200) };
    } finally {
      setRunning(id, false);
    }
  }

  const host = () => webHostOf(failed.value?.incident.url ?? '');

  return {
    view,
    results,
    running,
    couldNotRun,
    cookieDomain,
    qr,
    clearPlan,
    watch,
    load,
    browserName: deps.browserName,

    startWatch: () => void watchClient?.start(),
    stopWatch: () => void watchClient?.stop(),

    /** Asks the site again; once it answers, reloads the tab (a page that came from a form is refused). */
    retry: () =>
      run('retry', 'retry', async () => {
        const result = await deps.sendMessage('retry', { tabId });
        if (result.outcome === 'back')
          void deps.sendMessage('reloadTab', { tabId, bypassCache: false }).catch(() => undefined);
        return result;
      }),

    reload: () =>
      run('reload', 'reload', async () => {
        await deps.sendMessage('reloadTab', { tabId, bypassCache: true });
        return { time: deps.now() };
      }),

    compareSessions: () =>
      run('session', 'session', () => deps.sendMessage('compareSessions', { tabId })),

    /** Before the confirmation opens: the registrable domain Chrome will clear cookies for. */
    async prepareClear() {
      const hostname = host();
      if (deps.browserName !== 'chrome' || cookieDomain.value !== undefined || !hostname) return;
      const { cookieDomainOf } = await deps.loadDomains();
      cookieDomain.value = cookieDomainOf(hostname);
    },

    /** From the confirmation's click: asks for browsingData first (the background clears nothing without it). */
    async clearSiteData(): Promise<ClearSiteDataResult> {
      await deps.requestPermission('browsingData');
      const result = await deps.sendMessage('clearSiteData', { tabId });
      results.value = { ...results.value, clear: result };
      await save();
      return result;
    },

    lookUpAddress: () => run('dns', 'dns', () => deps.sendMessage('lookUpAddress', { tabId })),

    statusPage: () =>
      run('status-page', 'statusPage', async () => {
        const hostname = host();
        const { siteDomainOf } = await deps.loadDomains();
        const domain = hostname ? siteDomainOf(hostname) : null;
        return domain
          ? deps.sendMessage('statusPage', { tabId, domain })
          : { outcome: 'no-domain' as const };
      }),

    archive: () => run('archive', 'archive', () => deps.sendMessage('archiveLookup', { tabId })),

    /** Shows or hides the QR code of the page's address, for a phone on another network. */
    async toggleQr() {
      const report = failed.value;
      if (qr.value || !report) {
        qr.value = null;
        return;
      }
      setRunning('qr', true);
      try {
        const { qrModules } = await deps.loadQr();
        qr.value = qrModules(qrAddress(report.incident.url));
      } finally {
        setRunning('qr', false);
      }
    },

    /** The report for the site's owner, naming the checks already run as tried. */
    ownerReport(): string {
      const report = failed.value;
      if (!report?.incident.page) return '';
      const done = results.value;
      const tried = new Set<StepCheck>();
      if (done.retry && 'time' in done.retry) tried.add('retry');
      if (done.reload) tried.add('reload');
      if (done.clear?.outcome === 'cleared') tried.add('clear');
      return ownerReport(
        report.diagnosis,
        report.incident.page,
        {
          now: deps.now(),
          timeZone: deps.timeZone(),
          locale: deps.locale(),
          tried: triedSteps(tried),
          includePrivate: false,
        },
        deps.translate,
      );
    },
  };
}

/** The address for the visitor's own phone: the whole page, query included, but never credentials. */
export function qrAddress(pageUrl: string): string {
  return displayUrl(pageUrl, true);
}

export type PopupState = ReturnType<typeof createPopupState>;
