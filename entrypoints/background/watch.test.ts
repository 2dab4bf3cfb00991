import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { createTranslator } from '@/lib/i18n/messages';
import { pageFailed } from '@/lib/incident/tab-incident';
import type { SenderContext } from '@/lib/platform/messages';
import type { ProbeResult } from '@/lib/platform/probe';
import { createTabIncidents } from '@/lib/platform/tab-incidents';
import { createWatchStore, watchesItem } from '@/lib/platform/watches';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import english from '@/public/_locales/en/messages.json';
import {
  listenToNotificationClicks,
  onNotificationClicked,
  onWatchAlarm,
  rearmWatches,
  watchHandlers,
  type WatchDeps,
} from './watch';
import './test-support';

const START = Date.UTC(2026, 2, 20, 22, 52, 42);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const URL_ = 'https://shop.example/cart';
const STILL_FAILING: ProbeResult = { outcome: 'still-failing', statusCode: 502, time: 0 };
const BACK: ProbeResult = { outcome: 'back', statusCode: 200, time: 0 };

const fromPage = (tabId: number): SenderContext => ({ kind: 'content-script', tabId });

/** A background with the fake browser, a clock the test moves, and a site that answers what the test says. */
function background({
  settings = {},
  answers = [],
  notificationsGranted = true,
}: { settings?: Partial<Settings>; answers?: ProbeResult[]; notificationsGranted?: boolean } = {}) {
  const clock = { now: START, online: true };
  let ids = 0;
  const deps = {
    watches: createWatchStore(watchesItem),
    incidents: createTabIncidents(storage),
    alarms: fakeBrowser.alarms,
    // The browser takes the API away with the permission.
    notifications: () => (notificationsGranted ? fakeBrowser.notifications : undefined),
    hasPermission: vi.fn(async () => notificationsGranted),
    tabs: {
      get: fakeBrowser.tabs.get,
      update: fakeBrowser.tabs.update,
      create: fakeBrowser.tabs.create,
      reload: vi.fn(async () => {}),
    } as never as WatchDeps['tabs'],
    windows: { update: vi.fn(async () => ({})) } as never as WatchDeps['windows'],
    probe: vi.fn(async (url: string) => {
      void url;
      return answers.shift() ?? STILL_FAILING;
    }),
    settings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    online: () => clock.online,
    now: () => clock.now,
    random: () => 0,
    newId: () => `w${++ids}`,
    refresh: vi.fn(async () => {}),
    translate: createTranslator(english),
    iconUrl: () => 'chrome-extension://test-extension-id/icon/128.png',
    explanationPage: (tabId: number) =>
      `chrome-extension://test-extension-id/explain.html?tabId=${tabId}`,
  } satisfies WatchDeps;
  return { deps, clock, handlers: watchHandlers(deps) };
}
type Background = ReturnType<typeof background>;

/** A tab showing a page that failed (its incident recorded as the background records it). */
async function failedTab(b: Background, url = URL_, method = 'GET') {
  const tab = await fakeBrowser.tabs.create({ url });
  const observation = {
    url,
    method,
    statusCode: 502,
    headers: [{ name: 'Server', value: 'nginx' }],
    frame: 'main_frame' as const,
    time: b.clock.now,
  };
  await b.deps.incidents.update(tab.id!, () => pageFailed(observation));
  return tab.id!;
}

const watchAlarms = async () =>
  (await fakeBrowser.alarms.getAll()).filter((alarm) => alarm.name.startsWith('watch:'));

/** Moves the clock to the one watch alarm and fires it, as the browser would: a one-off alarm is gone once fired. */
async function fireNextAlarm(b: Background) {
  const [alarm, ...more] = await watchAlarms();
  expect(more).toEqual([]);
  b.clock.now = Math.max(b.clock.now, alarm!.scheduledTime);
  await fakeBrowser.alarms.clear(alarm!.name);
  await onWatchAlarm(alarm!, b.deps);
  return alarm!;
}

const notifications = () => fakeBrowser.notifications.getAllCreateOptions();

describe('the watch, from start to back', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks on schedule, and once the site is back notifies, reloads the tab and stops', async () => {
    const b = background({ answers: [STILL_FAILING, BACK] });
    const tabId = await failedTab(b);
    const started = await b.handlers.watch({}, fromPage(tabId));
    expect(started).toEqual({
      kind: 'watching',
      fromForm: false,
      nextAt: START + 30 * SECOND,
      paused: false,
    });
    expect(await watchAlarms()).toMatchObject([
      { name: 'watch:w1:0', scheduledTime: START + 30 * SECOND },
    ]);
    expect(b.deps.refresh).toHaveBeenCalledWith(tabId);

    await fireNextAlarm(b);
    expect(b.deps.probe).toHaveBeenCalledWith(URL_);
    // The second attempt: at least 30 s after the first (random 0: the low end of [30 s, 60 s]).
    expect(await watchAlarms()).toMatchObject([
      { name: 'watch:w1:1', scheduledTime: START + 60 * SECOND },
    ]);
    expect(await b.handlers.watchStatus({}, fromPage(tabId))).toMatchObject({
      kind: 'watching',
      nextAt: START + 60 * SECOND,
    });

    await fireNextAlarm(b);
    expect(b.deps.probe).toHaveBeenCalledTimes(2);
    expect(await watchAlarms()).toEqual([]);
    expect(notifications()).toEqual({
      'watch:w1': {
        type: 'basic',
        iconUrl: 'chrome-extension://test-extension-id/icon/128.png',
        title: 'shop.example is back',
        message: 'The page you asked Gateway Doctor to watch answers again. Click to see it.',
      },
    });
    expect(b.deps.tabs.reload).toHaveBeenCalledExactlyOnceWith(tabId, { bypassCache: true });
    expect(await b.handlers.watchStatus({}, fromPage(tabId))).toEqual({
      kind: 'back',
      fromForm: false,
      at: START + 60 * SECOND,
    });
  });

  it('asks once for an alarm delivered twice, together or one after the other', async () => {
    const b = background();
    await b.handlers.watch({}, fromPage(await failedTab(b)));
    const [alarm] = await watchAlarms();
    b.clock.now = alarm!.scheduledTime;
    await fakeBrowser.alarms.clear(alarm!.name);
    await Promise.all([onWatchAlarm(alarm!, b.deps), onWatchAlarm(alarm!, b.deps)]);
    await onWatchAlarm(alarm!, b.deps);
    expect(b.deps.probe).toHaveBeenCalledOnce();
    expect((await watchAlarms()).map((a) => a.name)).toEqual(['watch:w1:1']);
  });

  it('notifies once for a duplicate of the alarm that found the site back', async () => {
    const b = background({ answers: [BACK, BACK] });
    await b.handlers.watch({}, fromPage(await failedTab(b)));
    const alarm = await fireNextAlarm(b);
    await fakeBrowser.notifications.clear('watch:w1');
    await onWatchAlarm(alarm, b.deps);
    expect(b.deps.probe).toHaveBeenCalledOnce();
    expect(notifications()).toEqual({});
  });

  it('watches an address once: a second tab on it joins the same watch, and both tabs reload', async () => {
    const b = background({ answers: [BACK] });
    const first = await failedTab(b);
    const second = await failedTab(b, `${URL_}#details`);
    await b.handlers.watch({}, fromPage(first));
    expect(await b.handlers.watch({}, fromPage(second))).toMatchObject({ kind: 'watching' });
    expect((await b.deps.watches.read()).map((w) => [w.url, w.tabIds])).toEqual([
      [URL_, [first, second]],
    ]);
    expect(await watchAlarms()).toHaveLength(1);
    await fireNextAlarm(b);
    expect(b.deps.probe).toHaveBeenCalledOnce();
    expect(b.deps.tabs.reload).toHaveBeenCalledWith(first, { bypassCache: true });
    expect(b.deps.tabs.reload).toHaveBeenCalledWith(second, { bypassCache: true });
  });

  it('leaves a tab the visitor has since reloaded themselves, or taken elsewhere, as it is', async () => {
    const b = background({ answers: [BACK] });
    const reloaded = await failedTab(b);
    const elsewhere = await failedTab(b);
    await b.handlers.watch({}, fromPage(reloaded));
    await b.handlers.watch({}, fromPage(elsewhere));
    // The page loaded fine in one (the background forgets its incident); the other went to another site.
    await b.deps.incidents.update(reloaded, () => null);
    await fakeBrowser.tabs.update(elsewhere, { url: 'https://news.example/' });
    await fireNextAlarm(b);
    expect(b.deps.tabs.reload).not.toHaveBeenCalled();
    expect(Object.keys(notifications())).toEqual(['watch:w1']);
  });

  it('takes a tab showing Chrome’s explanation page back to the page itself', async () => {
    const b = background({ answers: [BACK] });
    const tabId = await failedTab(b);
    await fakeBrowser.tabs.update(tabId, { url: b.deps.explanationPage(tabId) });
    // The explanation page names its tab: an extension page may.
    await b.handlers.watch({ tabId }, { kind: 'extension-page', tabId });
    await fireNextAlarm(b);
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe(URL_);
    expect(b.deps.tabs.reload).not.toHaveBeenCalled();
  });

  it('respects the settings: no notification, no reload', async () => {
    const b = background({
      answers: [BACK],
      settings: { notifications: false, reloadWhenBack: false },
    });
    const tabId = await failedTab(b);
    await b.handlers.watch({}, fromPage(tabId));
    await fireNextAlarm(b);
    expect(notifications()).toEqual({});
    expect(b.deps.tabs.reload).not.toHaveBeenCalled();
    expect(await b.handlers.watchStatus({}, fromPage(tabId))).toMatchObject({ kind: 'back' });
  });

  it('without the notifications permission, says so while it watches, then shows the page back all the same', async () => {
    const b = background({ answers: [BACK], notificationsGranted: false });
    const tabId = await failedTab(b);
    expect(await b.handlers.watchStatus({}, fromPage(tabId))).toEqual({
      kind: 'idle',
      fromForm: false,
      notificationBlocked: true,
    });
    expect(await b.handlers.watch({}, fromPage(tabId))).toMatchObject({
      kind: 'watching',
      notificationBlocked: true,
    });
    await fireNextAlarm(b);
    expect(notifications()).toEqual({});
    expect(b.deps.tabs.reload).toHaveBeenCalledWith(tabId, { bypassCache: true });
    const back = await b.handlers.watchStatus({}, fromPage(tabId));
    expect(back).toMatchObject({ kind: 'back' });
    expect(back).not.toHaveProperty('notificationBlocked');
  });

  it('notes nothing when the permission is granted, or when the settings want no notification', async () => {
    const granted = background();
    const tab = await failedTab(granted);
    expect(await granted.handlers.watch({}, fromPage(tab))).not.toHaveProperty(
      'notificationBlocked',
    );
    fakeBrowser.reset();
    const unwanted = background({
      settings: { notifications: false },
      notificationsGranted: false,
    });
    const other = await failedTab(unwanted);
    expect(await unwanted.handlers.watch({}, fromPage(other))).not.toHaveProperty(
      'notificationBlocked',
    );
  });
});

describe('a page that came from a form', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is watched by asking for the address (the probe only ever GETs), and its tab is never reloaded', async () => {
    const b = background({ answers: [BACK] });
    const tabId = await failedTab(b, URL_, 'POST');
    expect(await b.handlers.watch({}, fromPage(tabId))).toMatchObject({
      kind: 'watching',
      fromForm: true,
    });
    await fireNextAlarm(b);
    expect(b.deps.probe).toHaveBeenCalledExactlyOnceWith(URL_);
    expect(b.deps.tabs.reload).not.toHaveBeenCalled();
    expect(notifications()['watch:w1']?.message).toBe(
      'The address answers again. Gateway Doctor did not send your form again: check whether it went through, then send it yourself if needed.',
    );
    expect(await b.handlers.watchStatus({}, fromPage(tabId))).toMatchObject({
      kind: 'back',
      fromForm: true,
    });
  });
});

describe('what may be watched', () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes a content script’s tab from the sender, never from its payload', async () => {
    const b = background();
    const own = await failedTab(b, 'https://own.example/');
    const other = await failedTab(b, 'https://other.example/');
    await b.handlers.watch({ tabId: other }, fromPage(own));
    expect((await b.deps.watches.read()).map((w) => w.url)).toEqual(['https://own.example/']);
  });

  it('refuses a tab with no failed page, and a page of a private window', async () => {
    const b = background();
    const healthy = (await fakeBrowser.tabs.create({ url: URL_ })).id!;
    expect(await b.handlers.watch({}, fromPage(healthy))).toEqual({
      kind: 'refused',
      reason: 'nothing-to-watch',
    });
    const tabId = await failedTab(b);
    const get = b.deps.tabs.get;
    b.deps.tabs.get = (async (id: number) => ({ ...(await get(id)), incognito: true })) as never;
    expect(await b.handlers.watch({}, fromPage(tabId))).toEqual({
      kind: 'refused',
      reason: 'private-window',
    });
    expect(await b.deps.watches.read()).toEqual([]);
    expect(await watchAlarms()).toEqual([]);
  });

  it('watches ten sites at once, says so past that, and takes an eleventh once one is stopped', async () => {
    const b = background();
    const tabs: number[] = [];
    for (let i = 0; i < 11; i++) tabs.push(await failedTab(b, `https://site${i}.example/`));
    for (const tabId of tabs.slice(0, 10))
      expect(await b.handlers.watch({}, fromPage(tabId))).toMatchObject({ kind: 'watching' });
    expect(await b.handlers.watch({}, fromPage(tabs[10]!))).toEqual({ kind: 'cap', max: 10 });
    expect(await watchAlarms()).toHaveLength(10);
    expect(await b.handlers.unwatch({}, fromPage(tabs[0]!))).toEqual({
      kind: 'idle',
      fromForm: false,
    });
    expect(await b.handlers.watch({}, fromPage(tabs[10]!))).toMatchObject({ kind: 'watching' });
    expect(await watchAlarms()).toHaveLength(10);
  });
});

describe('stopping', () => {
  beforeEach(() => fakeBrowser.reset());

  it('clears the alarm, and a late alarm of the stopped watch asks nothing', async () => {
    const b = background();
    const tabId = await failedTab(b);
    await b.handlers.watch({}, fromPage(tabId));
    const [alarm] = await watchAlarms();
    await b.handlers.unwatch({}, fromPage(tabId));
    await b.handlers.unwatch({}, fromPage(tabId));
    expect(await watchAlarms()).toEqual([]);
    await onWatchAlarm(alarm!, b.deps);
    expect(b.deps.probe).not.toHaveBeenCalled();
    expect(await b.handlers.watchStatus({}, fromPage(tabId))).toEqual({
      kind: 'idle',
      fromForm: false,
    });
  });

  it('stops a watch by its id from the options page, after its tab was closed, and clears its alarm', async () => {
    const b = background();
    const tabId = await failedTab(b);
    await b.handlers.watch({}, fromPage(tabId));
    // The tab is closed: the background forgets its incident, and the browser no longer knows it. (The fake
    // browser's tabs.remove looks the tab's window up by the tab's id.)
    await b.deps.incidents.remove(tabId);
    b.deps.tabs.get = (async () => Promise.reject(new Error(`No tab with id: ${tabId}`))) as never;
    const optionsPage: SenderContext = { kind: 'extension-page', tabId: undefined };
    // Stopping by tab no longer can: there is no failed page in it to name the watch by.
    expect(await b.handlers.unwatch({ tabId }, optionsPage)).toMatchObject({ kind: 'refused' });
    expect(await watchAlarms()).toHaveLength(1);
    expect(await b.handlers.unwatchById({ watchId: 'w1' }, optionsPage)).toBe(true);
    expect(await watchAlarms()).toEqual([]);
    expect(await b.deps.watches.read()).toEqual([]);
    expect(await b.handlers.unwatchById({ watchId: 'w1' }, optionsPage)).toBe(false);
    expect(
      await b.handlers.unwatchById({ watchId: 42 } as never as { watchId: string }, optionsPage),
    ).toBe(false);
  });

  it('forgets an ended watch by its id, with its notification', async () => {
    const b = background({ answers: [BACK] });
    await b.handlers.watch({}, fromPage(await failedTab(b)));
    await fireNextAlarm(b);
    expect(Object.keys(notifications())).toEqual(['watch:w1']);
    const optionsPage: SenderContext = { kind: 'extension-page', tabId: undefined };
    expect(await b.handlers.unwatchById({ watchId: 'w1' }, optionsPage)).toBe(true);
    expect(notifications()).toEqual({});
    expect(await b.deps.watches.read()).toEqual([]);
  });

  it('says nothing when the site answers after the visitor stopped the watch mid-attempt', async () => {
    const b = background();
    const tabId = await failedTab(b);
    await b.handlers.watch({}, fromPage(tabId));
    let answer: (result: ProbeResult) => void = () => undefined;
    b.deps.probe.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const attempt = fireNextAlarm(b);
    await vi.waitFor(() => expect(b.deps.probe).toHaveBeenCalled());
    await b.handlers.unwatch({}, fromPage(tabId));
    answer(BACK);
    await attempt;
    expect(notifications()).toEqual({});
    expect(b.deps.tabs.reload).not.toHaveBeenCalled();
  });
});

describe('a Retry-After in an attempt’s answer', () => {
  beforeEach(() => fakeBrowser.reset());

  /**
   * The site answers the next attempt with a 503, a second after it is asked, whose Retry-After (as the probe reads
   * it, lib/platform/probe.ts) asks for `retryAfterAt` of the answer's time.
   */
  const busyOnce = (b: Background, retryAfterAt: (answered: number) => number) =>
    b.deps.probe.mockImplementationOnce(async () => ({
      outcome: 'still-failing',
      statusCode: 503,
      time: b.clock.now + SECOND,
      retryAfterAt: retryAfterAt(b.clock.now + SECOND),
    }));

  it('moves the next attempt’s alarm to it, in seconds or as a date, and the page hears of the new time', async () => {
    const b = background();
    const tabId = await failedTab(b);
    await b.handlers.watch({}, fromPage(tabId));
    busyOnce(b, (answered) => answered + 10 * MINUTE);
    await fireNextAlarm(b);
    const answered = START + 30 * SECOND + SECOND;
    expect(await watchAlarms()).toMatchObject([
      { name: 'watch:w1:1', scheduledTime: answered + 10 * MINUTE },
    ]);
    expect((await b.deps.watches.read())[0]).toMatchObject({
      lastStatusCode: 503,
      nextAt: answered + 10 * MINUTE,
    });
    expect(await b.handlers.watchStatus({}, fromPage(tabId))).toMatchObject({
      nextAt: answered + 10 * MINUTE,
    });
    // Refreshed at the start, at the claim, and once more for the moved attempt.
    expect(b.deps.refresh).toHaveBeenCalledTimes(3);

    // The second attempt, at 23:03:13 GMT; the site asks for 23:23:14 GMT, twenty minutes after its answer.
    expect(new Date(answered + 10 * MINUTE).toUTCString()).toBe('Fri, 20 Mar 2026 23:03:13 GMT');
    busyOnce(b, () => Date.UTC(2026, 2, 20, 23, 23, 14));
    await fireNextAlarm(b);
    expect(await watchAlarms()).toMatchObject([
      { name: 'watch:w1:2', scheduledTime: answered + 10 * MINUTE + SECOND + 20 * MINUTE },
    ]);
  });

  it('keeps the alarm where it was for one sooner than the backoff, and cuts one past the end to the end', async () => {
    const b = background({ settings: { watchGiveUpMinutes: 5 } });
    await b.handlers.watch({}, fromPage(await failedTab(b)));
    busyOnce(b, (answered) => answered + SECOND);
    await fireNextAlarm(b);
    expect(await watchAlarms()).toMatchObject([
      { name: 'watch:w1:1', scheduledTime: START + 60 * SECOND },
    ]);
    // As far as the probe lets a Retry-After go: a day.
    busyOnce(b, (answered) => answered + 24 * 60 * MINUTE);
    await fireNextAlarm(b);
    expect(await watchAlarms()).toMatchObject([
      { name: 'watch:w1:2', scheduledTime: START + 5 * MINUTE },
    ]);
    // That attempt is the last: a further Retry-After does not keep the watch going.
    busyOnce(b, (answered) => answered + 10 * MINUTE);
    await fireNextAlarm(b);
    expect(await watchAlarms()).toEqual([]);
    expect((await b.deps.watches.read())[0]?.status).toBe('gave-up');
  });
});

describe('offline', () => {
  beforeEach(() => fakeBrowser.reset());

  it('pauses instead of spending attempts, and moves the end back by the time offline', async () => {
    const b = background();
    const tabId = await failedTab(b);
    await b.handlers.watch({}, fromPage(tabId));
    b.clock.online = false;
    await fireNextAlarm(b);
    expect(b.deps.probe).not.toHaveBeenCalled();
    expect(await watchAlarms()).toMatchObject([
      { name: 'watch:w1:0', scheduledTime: START + 60 * SECOND },
    ]);
    expect(await b.handlers.watchStatus({}, fromPage(tabId))).toMatchObject({
      kind: 'watching',
      paused: true,
      nextAt: null,
    });
    // Still offline at the next look: still no attempt.
    await fireNextAlarm(b);
    expect(b.deps.probe).not.toHaveBeenCalled();

    b.clock.online = true;
    b.clock.now = START + 30 * SECOND + 10 * MINUTE;
    await onWatchAlarm({ name: 'watch:w1:0' }, b.deps);
    expect(b.deps.probe).toHaveBeenCalledOnce();
    const [watch] = await b.deps.watches.read();
    expect(watch).toMatchObject({ attempts: 1, pausedSince: null });
    expect(watch!.deadline).toBe(START + 120 * MINUTE + 10 * MINUTE);
  });
});

describe('giving up', () => {
  beforeEach(() => fakeBrowser.reset());

  it('makes its last attempt at the end the user set, then says it stopped', async () => {
    const b = background({ settings: { watchGiveUpMinutes: 5 } });
    const tabId = await failedTab(b);
    await b.handlers.watch({}, fromPage(tabId));
    const times: number[] = [];
    for (let i = 0; i < 10 && (await watchAlarms()).length > 0; i++) {
      await fireNextAlarm(b);
      times.push(b.clock.now - START);
    }
    // random 0: 30 s, then waits of 30 s, 60 s, 120 s, and the last one cut to the 5 minutes' end.
    expect(times).toEqual([30, 60, 120, 240, 300].map((s) => s * SECOND));
    expect(b.deps.probe).toHaveBeenCalledTimes(5);
    expect(notifications()).toEqual({
      'watch:w1': expect.objectContaining({
        type: 'basic',
        title: 'Stopped watching shop.example',
        message: 'It still did not answer properly after 5 minutes. Click to open the page.',
      }),
    });
    expect(await b.handlers.watchStatus({}, fromPage(tabId))).toEqual({
      kind: 'gave-up',
      fromForm: false,
      at: START + 5 * MINUTE,
      minutes: 5,
    });
    expect(b.deps.tabs.reload).not.toHaveBeenCalled();
  });

  it('makes the last attempt again if the background stopped during it', async () => {
    const b = background({ settings: { watchGiveUpMinutes: 5 } });
    await b.handlers.watch({}, fromPage(await failedTab(b)));
    for (let i = 0; i < 4; i++) await fireNextAlarm(b);
    // The last attempt starts, and its answer is lost with the background.
    b.deps.probe.mockImplementationOnce(() => new Promise(() => undefined));
    void fireNextAlarm(b);
    await vi.waitFor(() => expect(b.deps.probe).toHaveBeenCalledTimes(5));
    const restarted = background({ settings: { watchGiveUpMinutes: 5 } });
    restarted.clock.now = b.clock.now;
    await fireNextAlarm(restarted);
    expect(restarted.deps.probe).toHaveBeenCalledOnce();
    expect(Object.keys(notifications())).toEqual(['watch:w1']);
    expect(await watchAlarms()).toEqual([]);
  });
});

describe('after a restart', () => {
  beforeEach(() => fakeBrowser.reset());

  it('re-arms every running watch from storage, makes missed attempts now, and clears stale alarms', async () => {
    const b = background();
    await b.handlers.watch({}, fromPage(await failedTab(b, 'https://a.example/')));
    b.clock.now += 10 * SECOND;
    await b.handlers.watch({}, fromPage(await failedTab(b, 'https://b.example/')));
    // The browser restarts: no alarm survives, a stale one is left over, and a minute has passed.
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.alarms.create('watch:gone:3', { when: START });
    const restarted = background();
    restarted.clock.now = START + 35 * SECOND;
    await rearmWatches(restarted.deps);
    await rearmWatches(restarted.deps);
    expect(
      (await watchAlarms())
        .map((a) => [a.name, a.scheduledTime])
        .sort(([x], [y]) => (x! < y! ? -1 : 1)),
    ).toEqual([
      ['watch:w1:0', START + 35 * SECOND],
      ['watch:w2:0', START + 40 * SECOND],
    ]);
  });

  it('leaves an alarm that survived as it is', async () => {
    const b = background();
    await b.handlers.watch({}, fromPage(await failedTab(b)));
    await rearmWatches(background().deps);
    expect(await watchAlarms()).toMatchObject([
      { name: 'watch:w1:0', scheduledTime: START + 30 * SECOND },
    ]);
  });
});

describe('clicking the notification', () => {
  beforeEach(() => fakeBrowser.reset());

  async function back(b: Background) {
    const windowId = (await fakeBrowser.windows.create({ focused: false }))!.id!;
    const tab = await fakeBrowser.tabs.create({ url: URL_, windowId });
    await b.deps.incidents.update(tab.id!, () =>
      pageFailed({
        url: URL_,
        method: 'GET',
        statusCode: 502,
        headers: [],
        frame: 'main_frame',
        time: 0,
      }),
    );
    await b.handlers.watch({}, fromPage(tab.id!));
    await fireNextAlarm(b);
    return { tabId: tab.id!, windowId };
  }

  it('brings the tab and its window to the front', async () => {
    const b = background({ answers: [BACK] });
    const { tabId, windowId } = await back(b);
    await fakeBrowser.tabs.create({ url: 'https://news.example/', active: true });
    await onNotificationClicked('watch:w1', b.deps);
    expect((await fakeBrowser.tabs.get(tabId)).active).toBe(true);
    expect(b.deps.windows!.update).toHaveBeenCalledWith(windowId, { focused: true });
    expect(notifications()).toEqual({});
  });

  it('opens the page in a new tab when its tab was closed', async () => {
    const b = background({ answers: [BACK] });
    const { tabId } = await back(b);
    await fakeBrowser.tabs.remove(tabId);
    await onNotificationClicked('watch:w1', b.deps);
    const opened = await fakeBrowser.tabs.query({ url: URL_ });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.id).not.toBe(tabId);
    expect(opened[0]!.active).toBe(true);
  });

  it('opens the page after giving up too, and ignores notifications that are not a watch’s', async () => {
    const b = background({ settings: { watchGiveUpMinutes: 5 } });
    const tabId = await failedTab(b);
    await b.handlers.watch({}, fromPage(tabId));
    for (let i = 0; i < 5; i++) await fireNextAlarm(b);
    await fakeBrowser.tabs.update(tabId, { url: 'https://news.example/' });
    await onNotificationClicked('something-else', b.deps);
    expect(await fakeBrowser.tabs.query({ url: URL_ })).toEqual([]);
    await onNotificationClicked('watch:w1', b.deps);
    expect(await fakeBrowser.tabs.query({ url: URL_ })).toHaveLength(1);
  });
});

describe('listenToNotificationClicks', () => {
  it('listens once however often it runs, and does nothing while the API is absent', () => {
    const listeners = new Set<(id: string) => void>();
    const clicked = {
      addListener: vi.fn((listener: (id: string) => void) => void listeners.add(listener)),
      hasListener: (listener: (id: string) => void) => listeners.has(listener),
    };
    listenToNotificationClicks(clicked);
    listenToNotificationClicks(clicked);
    expect(clicked.addListener).toHaveBeenCalledOnce();
    expect(listeners.size).toBe(1);
    expect(() => listenToNotificationClicks(undefined)).not.toThrow();
  });
});
