import { browser, type Browser } from 'wxt/browser';
import { message, type Message } from '@/lib/i18n/messages';
import { sameDocument } from '@/lib/incident/observe';
import { translate } from '@/lib/platform/i18n';
import {
  targetTab,
  type Handlers,
  type SenderContext,
  type TabTarget,
} from '@/lib/platform/messages';
import { probe, PROBE_TIMEOUT_MS, type ProbeResult } from '@/lib/platform/probe';
import { hasPermission } from '@/lib/platform/optional-permissions';
import { loadSettings } from '@/lib/platform/settings';
import type { Settings } from '@/lib/settings/settings';
import { tabIncidents } from '@/lib/platform/tab-incidents';
import { watchStore } from '@/lib/platform/watches';
import { MIN_ATTEMPT_INTERVAL_MS } from '@/lib/retry/schedule';
import {
  alarmName,
  claimAttempt,
  MAX_WATCHES,
  notificationId,
  parseAlarmName,
  pauseWatch,
  pruneWatches,
  recordProbe,
  startWatch,
  stopWatch,
  stopWatchById,
  watchFor,
  watchIdOfNotification,
  watchView,
  type ProbeAnswer,
  type Watch,
  type WatchView,
} from '@/lib/watch/watch';
import { diagnoseIncident, explanationPage, refreshTabInTurn } from './show';

type Tab = Browser.tabs.Tab;

const defaults = {
  watches: watchStore,
  incidents: tabIncidents,
  alarms: browser.alarms as Pick<typeof browser.alarms, 'create' | 'clear' | 'getAll'>,
  /** Read when used: the API is there only while notifications is granted (optional_permissions). */
  notifications: () =>
    browser.notifications as Pick<typeof browser.notifications, 'create' | 'clear'> | undefined,
  hasPermission,
  tabs: browser.tabs as Pick<typeof browser.tabs, 'get' | 'reload' | 'update' | 'create'>,
  /** Absent in Firefox for Android, which has one window. */
  windows: browser.windows as Pick<typeof browser.windows, 'update'> | undefined,
  probe: (url: string) => probe(url),
  settings: loadSettings,
  online: () => navigator.onLine,
  now: () => Date.now(),
  random: () => Math.random(),
  newId: (): string => crypto.randomUUID(),
  refresh: refreshTabInTurn,
  translate,
  iconUrl: () => browser.runtime.getURL('/icon/128.png'),
  explanationPage,
};
export type WatchDeps = typeof defaults;

const NOTHING_TO_WATCH: WatchView = { kind: 'refused', reason: 'nothing-to-watch' };

/**
 * The tab a message is about and the page that failed in it. The address always comes from the tab's own record: a
 * content script names neither its tab nor a URL, so a page can never make the extension watch anything else.
 */
async function failedPage(request: TabTarget, sender: SenderContext, deps: WatchDeps) {
  const tabId = targetTab(request, sender);
  const incident = tabId === undefined ? null : await deps.incidents.get(tabId);
  if (tabId === undefined || !incident?.page) return null;
  // Asked for by GET whatever the page came from: a form's answer is never sent again.
  return { tabId, incident, fromForm: incident.page.method.toUpperCase() !== 'GET' };
}

export function watchHandlers(
  deps: WatchDeps = defaults,
): Pick<Handlers, 'watch' | 'unwatch' | 'watchStatus' | 'unwatchById'> {
  return {
    async watch(request, sender) {
      const target = await failedPage(request, sender, deps);
      if (!target) return NOTHING_TO_WATCH;
      // A watch is written to disk, and a private window's pages must not be.
      const tab = await deps.tabs.get(target.tabId).catch(() => undefined);
      if (tab?.incognito) return { kind: 'refused', reason: 'private-window' };
      const settings = await deps.settings();
      const now = deps.now();
      const wanted = {
        id: deps.newId(),
        url: target.incident.url,
        tabId: target.tabId,
        fromForm: target.fromForm,
        retryAfterAt: (await diagnoseIncident(target.incident))?.retryAfter?.at ?? null,
        giveUpMinutes: settings.watchGiveUpMinutes,
        now,
      };
      const outcome = await deps.watches.change((watches) =>
        startWatch(pruneWatches(watches, now), wanted, deps.random()),
      );
      if (outcome.kind === 'cap') return { kind: 'cap', max: MAX_WATCHES };
      if (outcome.kind === 'started')
        await deps.alarms.create(alarmName(outcome.watch), { when: outcome.watch.nextAt ?? now });
      await refreshTabs(outcome.watch, deps);
      return withNotificationNote(watchView(outcome.watch, target.fromForm), settings, deps);
    },

    async unwatch(request, sender) {
      const target = await failedPage(request, sender, deps);
      if (!target) return NOTHING_TO_WATCH;
      const stopped = await deps.watches.change((watches) =>
        stopWatch(watches, target.incident.url),
      );
      if (stopped) await afterStop(stopped, deps);
      const view = watchView(undefined, target.fromForm);
      return withNotificationNote(view, await deps.settings(), deps);
    },

    // Only extension pages may send it (lib/platform/messages.ts), so the id from the payload is theirs to name.
    async unwatchById({ watchId }) {
      if (typeof watchId !== 'string') return false;
      const stopped = await deps.watches.change((watches) => stopWatchById(watches, watchId));
      if (!stopped) return false;
      await afterStop(stopped, deps);
      // An ended watch's notification answers its click from the watch: it goes with it.
      await deps
        .notifications()
        ?.clear(notificationId(stopped))
        .catch(() => undefined);
      return true;
    },

    async watchStatus(request, sender) {
      const target = await failedPage(request, sender, deps);
      if (!target) return NOTHING_TO_WATCH;
      const watch = watchFor(await deps.watches.read(), target.incident.url);
      return withNotificationNote(watchView(watch, target.fromForm), await deps.settings(), deps);
    },
  };
}

/** Notes on a watch that may still end that its notification would not show (lib/watch/watch.ts). */
async function withNotificationNote(
  view: WatchView,
  settings: Settings,
  deps: WatchDeps,
): Promise<WatchView> {
  if (view.kind !== 'idle' && view.kind !== 'watching' && view.kind !== 'gave-up') return view;
  if (!settings.notifications || (await notifier(deps))) return view;
  return { ...view, notificationBlocked: true };
}

/** The notifications API, when the browser has granted it. */
async function notifier(deps: WatchDeps) {
  return (await deps.hasPermission('notifications')) ? deps.notifications() : undefined;
}

/** A watch just taken out of the list: no alarm left to fire, and its tabs' toolbars say so. */
async function afterStop(watch: Watch, deps: WatchDeps): Promise<void> {
  await deps.alarms.clear(alarmName(watch));
  await refreshTabs(watch, deps);
}

/**
 * alarms.onAlarm. The alarm names the attempt it is for; only the first handler to claim that attempt asks the site,
 * so an alarm delivered twice, or re-armed after a restart while the old one also fires, asks once.
 */
export async function onWatchAlarm(
  alarm: { readonly name: string },
  deps: WatchDeps = defaults,
): Promise<void> {
  const due = parseAlarmName(alarm.name);
  if (!due) return;
  const now = deps.now();
  if (!deps.online()) {
    const paused = await deps.watches.change((watches) =>
      pauseWatch(watches, due.id, due.attempt, now),
    );
    if (!paused) return;
    await deps.alarms.create(alarm.name, { when: now + MIN_ATTEMPT_INTERVAL_MS });
    await refreshTabs(paused, deps);
    return;
  }
  const claimed = await deps.watches.change((watches) =>
    claimAttempt(watches, due.id, due.attempt, now, deps.random()),
  );
  if (!claimed) return;
  // Set before asking: if the background is stopped mid-attempt, this alarm carries on. After the last attempt it
  // fires only if that attempt never finished, and makes it again.
  const backstop = now + PROBE_TIMEOUT_MS + MIN_ATTEMPT_INTERVAL_MS;
  await deps.alarms.create(alarmName(claimed), { when: claimed.nextAt ?? backstop });
  await refreshTabs(claimed, deps);

  const answer = answerOf(await deps.probe(claimed.url));
  const ended = await deps.watches.change((watches) =>
    recordProbe(watches, claimed.id, claimed.attempts, answer, deps.now(), deps.random()),
  );
  if (!ended) return;
  if (ended.status === 'watching') {
    // The answer's Retry-After moved the next attempt: the same alarm name, so this replaces it.
    if (ended.nextAt !== null && ended.nextAt !== claimed.nextAt) {
      await deps.alarms.create(alarmName(ended), { when: ended.nextAt });
      await refreshTabs(ended, deps);
    }
    return;
  }
  await deps.alarms.clear(alarmName(ended));
  if (ended.status === 'back') await announceBack(ended, deps);
  else await announceGaveUp(ended, deps);
}

function answerOf(result: ProbeResult): ProbeAnswer {
  switch (result.outcome) {
    case 'no-answer':
      return { back: false, statusCode: 0, retryAfterAt: null };
    case 'back':
      return { back: true, statusCode: result.statusCode, retryAfterAt: null };
    case 'still-failing':
      return {
        back: false,
        statusCode: result.statusCode,
        retryAfterAt: result.retryAfterAt ?? null,
      };
  }
}

async function announceBack(watch: Watch, deps: WatchDeps): Promise<void> {
  const settings = await deps.settings();
  const tabs = await tabsShowing(watch, deps);
  if (settings.notifications) {
    const body = watch.fromForm ? 'notifyBackFormBody' : 'notifyBackBody';
    await notify(watch, message('notifyBackTitle', hostOf(watch.url)), message(body), deps);
  }
  // Reloading a page that came from a form would send the form again.
  if (!settings.reloadWhenBack || watch.fromForm) {
    await refreshTabs(watch, deps);
    return;
  }
  for (const tab of tabs) {
    // Only a tab still on the failed page: one the visitor has since reloaded themselves is theirs to use.
    const incident = await deps.incidents.get(tab.id);
    if (!incident?.page || !sameDocument(incident.url, watch.url)) continue;
    // In Chrome the tab may show the explanation page in place of the bare error page: take it to the page itself.
    const reload =
      tab.url === deps.explanationPage(tab.id)
        ? deps.tabs.update(tab.id, { url: watch.url })
        : deps.tabs.reload(tab.id, { bypassCache: true });
    await reload.catch(() => undefined);
  }
}

async function announceGaveUp(watch: Watch, deps: WatchDeps): Promise<void> {
  await refreshTabs(watch, deps);
  if (!(await deps.settings()).notifications) return;
  const title = message('notifyGaveUpTitle', hostOf(watch.url));
  await notify(watch, title, message('notifyGaveUpBody', watch.giveUpMinutes), deps);
}

/** A basic notification, the one kind Firefox has: no buttons, the whole notification is the click. */
async function notify(watch: Watch, title: Message, body: Message, deps: WatchDeps) {
  // Not granted: the panel and the popup have said so since the watch started; the tab shows the end itself.
  const notifications = await notifier(deps);
  await notifications
    ?.create(notificationId(watch), {
      type: 'basic',
      iconUrl: deps.iconUrl(),
      title: deps.translate(title),
      message: deps.translate(body),
    })
    // The user or the system may have blocked notifications; the watch has ended all the same.
    .catch(() => undefined);
}

const whenNotificationClicked = (id: string) => void onNotificationClicked(id);

/**
 * Listens to notifications.onClicked once the API is there: it is only while the permission is granted, so this runs
 * at every start of the background and again when the user grants it. Safe to run twice.
 */
export function listenToNotificationClicks(
  clicked:
    | Pick<Browser.events.Event<(id: string) => void>, 'addListener' | 'hasListener'>
    | undefined = browser.notifications?.onClicked,
): void {
  if (clicked && !clicked.hasListener(whenNotificationClicked))
    clicked.addListener(whenNotificationClicked);
}

/** notifications.onClicked: to the tab that asked, in front; or the page in a new tab when that tab has moved on. */
export async function onNotificationClicked(id: string, deps: WatchDeps = defaults): Promise<void> {
  const watchId = watchIdOfNotification(id);
  if (!watchId) return;
  await deps
    .notifications()
    ?.clear(id)
    .catch(() => undefined);
  const watch = (await deps.watches.read()).find((w) => w.id === watchId);
  if (!watch) return;
  const [tab] = (await tabsShowing(watch, deps)).slice(-1);
  if (!tab) {
    await deps.tabs.create({ url: watch.url, active: true });
    return;
  }
  await deps.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined)
    await deps.windows?.update(tab.windowId, { focused: true }).catch(() => undefined);
}

/**
 * runtime.onStartup and onInstalled: every running watch gets its alarm back (Firefox never keeps alarms across a
 * restart, Chrome may not), an attempt missed while the browser was closed is made now, and alarms of watches that
 * ended are cleared. Idempotent: an alarm that is already there is left as it is.
 */
export async function rearmWatches(deps: WatchDeps = defaults): Promise<void> {
  const now = deps.now();
  const watches = await deps.watches.change((current) => {
    const kept = pruneWatches(current, now);
    return { watches: kept.length === current.length ? current : kept, result: kept };
  });
  const wanted = new Map(
    watches.filter((w) => w.status === 'watching').map((w) => [alarmName(w), w]),
  );
  const alarms = await deps.alarms.getAll();
  for (const alarm of alarms) {
    if (parseAlarmName(alarm.name) && !wanted.has(alarm.name)) await deps.alarms.clear(alarm.name);
  }
  for (const [name, watch] of wanted) {
    if (!alarms.some((alarm) => alarm.name === name))
      await deps.alarms.create(name, { when: Math.max(now, watch.nextAt ?? now) });
  }
}

/** The tabs that asked for the watch and still show its page (or, in Chrome, the explanation page for it). */
async function tabsShowing(watch: Watch, deps: WatchDeps): Promise<(Tab & { id: number })[]> {
  const tabs = await Promise.all(
    watch.tabIds.map((id) => deps.tabs.get(id).catch(() => undefined)),
  );
  return tabs.filter(
    (tab): tab is Tab & { id: number } =>
      tab?.id !== undefined &&
      (sameDocument(tab.url, watch.url) || tab.url === deps.explanationPage(tab.id)),
  );
}

/** The toolbar of each tab of the watch says again whether it is watched, and when it is asked next. */
async function refreshTabs(watch: Watch, deps: WatchDeps): Promise<void> {
  await Promise.all(watch.tabIds.map((id) => deps.refresh(id).catch(() => undefined)));
}

function hostOf(url: string): string {
  return URL.parse(url)?.host ?? url;
}
