import { describe, expect, it } from 'vitest';
import { requestHeader, type LabRequest } from '../lab/server';
import { BROWSERS, browserSession, pollUntil, type ExtensionApi } from './harness';
import { fastForward, permissionGranted, watchAlarms } from './extension-state';
import { clickReally } from './real-click';

/*
 * "Tell me when it's back" against the lab's `recovers-after-failures` (502 for the first three requests of a run,
 * then the healthy page), with the shipped schedule. Its first attempt is 30 s away at the earliest, so the test
 * fast-forwards: it creates the watch's alarm again, same name, due now, and the real alarm handler runs at once
 * (Chromium fires an unpacked extension's alarm after 1 s at the earliest; Firefox has no minimum).
 */
const SCENARIO = 'recovers-after-failures';

/**
 * The panel's text, after clicking the button with that label if one is given. In the page's isolated world, through
 * the panel's closed shadow root (chrome.dom in Chromium, openOrClosedShadowRoot in Firefox). Self-contained: the
 * browser serialises it again.
 */
const inPanel = (api: ExtensionApi, { tabId, click }: { tabId: number; click: string | null }) =>
  api.scripting
    .executeScript({
      target: { tabId, frameIds: [0] },
      args: [click],
      func: (label: string | null) => {
        const host = document.querySelector('gateway-doctor');
        type Extended = { chrome?: { dom?: { openOrClosedShadowRoot(e: Element): ShadowRoot } } };
        const dom = (globalThis as Extended).chrome?.dom;
        const shadow = host
          ? dom
            ? dom.openOrClosedShadowRoot(host)
            : (host as Element & { openOrClosedShadowRoot?: ShadowRoot }).openOrClosedShadowRoot
          : null;
        const card: Element | null | undefined = shadow?.querySelector('aside');
        if (!card) return null;
        const buttons = [...card.querySelectorAll('button')];
        buttons.find((button) => button.textContent === label)?.click();
        return card.textContent ?? '';
      },
    })
    .then((results: { result?: unknown }[]) => results[0]?.result ?? null);

describe.each(BROWSERS)('watcher in %s', (browserName) => {
  const session = browserSession(browserName);

  async function failedPage() {
    const opened = await session.open(`/scenarios/${SCENARIO}`);
    const run = new URL(opened.url).searchParams.get('run') ?? '';
    const requests = () => session.lab.requests({ scenario: SCENARIO, run });
    const panel = (click: string | null = null) =>
      session.browser.inExtension(inPanel, { tabId: opened.tabId, click }) as Promise<
        string | null
      >;
    return { ...opened, requests, panel };
  }

  /** Makes the pending attempt now and waits for the lab to get it, and for the next attempt's alarm if one follows. */
  async function attempt(requests: () => LabRequest[], expectNext: boolean) {
    const before = requests().length;
    const name = await pollUntil('the watch’s alarm', () =>
      session.browser.inExtension(fastForward),
    );
    await pollUntil('the attempt to reach the lab', () =>
      requests().length > before ? true : undefined,
    );
    const [, id, number] = name.split(':');
    const next = `watch:${id}:${Number(number) + 1}`;
    if (expectNext)
      await pollUntil(`the alarm of the next attempt (${next})`, async () =>
        (await session.browser.inExtension(watchAlarms)).includes(next) ? true : undefined,
      );
    return id!;
  }

  const notificationsGranted = () => permissionGranted(session.browser, 'notifications');

  /**
   * The site answered: the tab reloaded to the healthy page, and the watch has stopped; with `notified`, the
   * notification is up (without the permission, the browser gives the extension no notifications API at all).
   */
  async function expectBack(
    watchId: string,
    page: { evaluate<T>(fn: string): Promise<T>; url(): Promise<string> },
    requests: () => LabRequest[],
    { notified }: { notified: boolean },
  ) {
    expect(await notificationsGranted()).toBe(notified);
    if (notified) await expectNotification(watchId, page);
    const reload = await pollUntil('the tab’s reload at the lab', () =>
      requests().find(
        (request, i) => i > 0 && requestHeader(request, 'sec-fetch-dest') === 'document',
      ),
    );
    expect(reload.method).toBe('GET');
    await pollUntil('the healthy page in the tab', async () =>
      (await page.evaluate<string>('document.body?.innerText ?? ""')).includes(
        'Northwind Outfitters',
      )
        ? true
        : undefined,
    );
    expect(await session.browser.inExtension(watchAlarms)).toEqual([]);
    const stored: { id: string }[] = await session.browser.inExtension(
      async (api: ExtensionApi) => (await api.storage.local.get('watches')).watches,
    );
    expect(stored.find((watch) => watch.id === watchId)).toMatchObject({
      status: 'back',
      lastStatusCode: 200,
    });
    // Every request but the page's first load and the reload was the watch's own: a GET, not a navigation.
    const probes = requests()
      .filter((request) => request !== reload)
      .slice(1);
    expect(
      probes.map((request) => [request.method, requestHeader(request, 'sec-fetch-dest')]),
    ).toEqual([
      ['GET', 'empty'],
      ['GET', 'empty'],
      ['GET', 'empty'],
    ]);
  }

  async function expectNotification(watchId: string, page: { url(): Promise<string> }) {
    const notifications = await pollUntil('the notification', async () => {
      const all: Record<string, unknown> = await session.browser.inExtension((api: ExtensionApi) =>
        api.notifications.getAll(),
      );
      return Object.keys(all).length > 0 ? all : undefined;
    });
    expect(Object.keys(notifications)).toEqual([`watch:${watchId}`]);
    // Chromium lists only the ids; Firefox also what each notification says.
    if (browserName === 'firefox')
      expect(notifications[`watch:${watchId}`]).toMatchObject({
        type: 'basic',
        title: `${new URL(await page.url()).host} is back`,
        message: 'The page you asked Gateway Doctor to watch answers again. Click to see it.',
      });
    await session.browser.inExtension(
      (api: ExtensionApi, id: string) => api.notifications.clear(id),
      `watch:${watchId}`,
    );
  }

  /** "Tell me when it's back" from the panel, through three attempts to the site back. */
  async function watchFromPanel({ notified }: { notified: boolean }) {
    const { page, tabId, requests, panel } = await failedPage();
    await pollUntil('the watch step in the panel', async () =>
      (await panel())?.includes("Tell me when it's back") ? true : undefined,
    );
    await panel("Tell me when it's back");
    const watching = await pollUntil('the panel to say it is watching', async () => {
      const text = await panel();
      return text?.includes('Watching: next check at') ? text : undefined;
    });
    expect(watching).toContain('Stop watching');
    const noNotification = 'No notification will come: your browser has not allowed Gateway Doctor';
    if (notified) expect(watching).not.toContain(noNotification);
    else expect(watching).toContain(noNotification);
    expect(requests()).toHaveLength(1);
    // The badge keeps the status; the tooltip says the page is watched and when it is asked next.
    const toolbar = await pollUntil('the watched tooltip', async () => {
      const shown = await session.browser.toolbar(tabId);
      return shown.title.includes('Gateway Doctor is watching this page: next check at')
        ? shown
        : undefined;
    });
    expect(toolbar.text).toBe('502');

    const watchId = await attempt(requests, true);
    await attempt(requests, true);
    await attempt(requests, false);
    await expectBack(watchId, page, requests, { notified });
    await page.close();
  }

  it('is started from the panel, sees the site come back, reloads the tab and stops; without the notifications permission it says none will come', async () => {
    await watchFromPanel({ notified: false });
  });

  // Chrome asks for notifications with a prompt Playwright cannot answer; Firefox's is answered by the harness.
  it.runIf(browserName === 'firefox')(
    'notifies too, once notifications are allowed from the options page',
    async () => {
      const options = await session.browser.openExtensionPage('options.html');
      const box = '#setting-notifications';
      const checked = () =>
        options.evaluate<boolean | null>(`document.querySelector('${box}')?.checked ?? null`);
      await pollUntil('the notifications setting', async () =>
        (await checked()) === null ? undefined : true,
      );
      expect(await checked()).toBe(false);
      await clickReally(options, '[data-setting=notifications]', 'Notify me when a site is back');
      await pollUntil('the setting on, allowed', async () =>
        (await checked()) ? true : undefined,
      );
      expect(await notificationsGranted()).toBe(true);
      // Allowed: the reason for the setting, and no longer the note that the browser has not allowed it.
      expect(
        await options.evaluate<string>(
          `document.getElementById('setting-notifications-why')?.textContent ?? ''`,
        ),
      ).toBe(
        'A notification from your browser, so you hear of it even while you are in another tab.',
      );
      await options.close();
      try {
        await watchFromPanel({ notified: true });
      } finally {
        await session.browser.inExtension((api: ExtensionApi) =>
          api.permissions.remove({ permissions: ['notifications'] }),
        );
      }
    },
  );

  it('keeps watching across the background being stopped in the middle', async () => {
    const { page, tabId, requests, panel } = await failedPage();
    await pollUntil('the panel', async () => ((await panel()) === null ? undefined : true));
    // Started as an extension page would (the popup, the explanation page): naming the tab.
    const started = await session.browser.inExtension(
      (api: ExtensionApi, id: number) =>
        api.runtime.sendMessage({ type: 'watch', data: { tabId: id } }),
      tabId,
    );
    expect(started).toMatchObject({ kind: 'watching' });
    const watchId = await attempt(requests, true);
    // Stopped between attempts, once the first has been recorded: the state is all in storage now.
    await pollUntil('the first attempt’s answer in storage', async () => {
      const stored: { id: string; attempts: number; lastStatusCode: number | null }[] =
        await session.browser.inExtension(
          async (api: ExtensionApi) => (await api.storage.local.get('watches')).watches,
        );
      const watch = stored.find((candidate) => candidate.id === watchId);
      return watch?.attempts === 1 && watch.lastStatusCode === 502 ? true : undefined;
    });

    await session.browser.stopBackground();
    expect(await session.browser.inExtension(watchAlarms)).toEqual([`watch:${watchId}:1`]);
    // The alarm wakes the background, which carries on from storage.
    await attempt(requests, true);
    await attempt(requests, false);
    await expectBack(watchId, page, requests, { notified: false });
    await page.close();
  });

  it.each([
    ['busy-retry-after-seconds', 600],
    ['busy-retry-after-date', 900],
  ])(
    'moves the next check to the Retry-After the site answers an attempt with (%s)',
    async (scenario, seconds) => {
      type Stored = {
        id: string;
        url: string;
        attempts: number;
        lastAttemptAt: number;
        nextAt: number;
        retryAfterAt: number | null;
        lastStatusCode: number | null;
      };
      const { page, tabId, url } = await session.open(`/scenarios/${scenario}`);
      await pollUntil('the watch to start', async () => {
        const view: { kind: string } | undefined = await session.browser.inExtension(
          (api: ExtensionApi, id: number) =>
            api.runtime.sendMessage({ type: 'watch', data: { tabId: id } }),
          tabId,
        );
        return view?.kind === 'watching' ? true : undefined;
      });
      const storedWatches = (): Promise<Stored[]> =>
        session.browser.inExtension(
          async (api: ExtensionApi) => (await api.storage.local.get('watches')).watches,
        );
      expect((await storedWatches()).find((w) => w.url === url)).toMatchObject({
        retryAfterAt: null,
      });
      // The page's own 502 asked for no wait: the attempt is due 30 to 60 s after the start. Made now, the lab
      // answers it with a 503 and a Retry-After.
      const name = await pollUntil('the watch’s alarm', () =>
        session.browser.inExtension(fastForward),
      );
      const [, id, number] = name.split(':');
      const next = `watch:${id}:${Number(number) + 1}`;
      const watch = await pollUntil('the attempt’s answer in storage', async () => {
        const found = (await storedWatches()).find((candidate) => candidate.id === id);
        return found?.attempts === 1 && found.lastStatusCode === 503 ? found : undefined;
      });
      // The backoff alone would ask again 30 to 60 s after the attempt. The answer came within moments of it, and
      // an HTTP-date counts from the answer's Date, to the second; the spread adds up to 30 s.
      const wait = watch.nextAt - watch.lastAttemptAt;
      expect(wait).toBeGreaterThanOrEqual((seconds - 1) * 1000);
      expect(wait).toBeLessThanOrEqual((seconds + 30 + 5) * 1000);
      // The alarm follows storage: it is set again once the answer is recorded.
      await pollUntil(`the alarm of the next attempt (${next}) at that time`, async () => {
        const alarms: { name: string; scheduledTime: number }[] = await session.browser.inExtension(
          (api: ExtensionApi) => api.alarms.getAll(),
        );
        return alarms.find(
          (candidate) => candidate.name === next && candidate.scheduledTime === watch.nextAt,
        );
      });
      await session.browser.inExtension(
        (api: ExtensionApi, tab: number) =>
          api.runtime.sendMessage({ type: 'unwatch', data: { tabId: tab } }),
        tabId,
      );
      expect(await session.browser.inExtension(watchAlarms)).toEqual([]);
      await page.close();
    },
  );

  it.runIf(browserName === 'chromium')(
    'is started from the explanation page that replaced Chrome’s bare error page, and takes the tab back to the page',
    async () => {
      const scenario = 'empty-recovers-after-failures';
      const url = session.fresh(`/scenarios/${scenario}`);
      const run = new URL(url).searchParams.get('run') ?? '';
      const requests = () => session.lab.requests({ scenario, run });
      const page = await session.browser.newPage();
      await page.goto(url);
      const clickWatch = `(() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === "Tell me when it's back");
        button?.click();
        return button !== undefined;
      })()`;
      await pollUntil('the explanation page’s watch button', async () =>
        (await page.url()).includes('/explain.html') && (await page.evaluate<boolean>(clickWatch))
          ? true
          : undefined,
      );
      await pollUntil('the explanation page to say it is watching', async () =>
        (await page.evaluate<string>('document.body.innerText')).includes('Watching: next check at')
          ? true
          : undefined,
      );
      await attempt(requests, true);
      await attempt(requests, false);
      await pollUntil('the tab back on the page itself', async () =>
        (await page.url()) === url ? true : undefined,
      );
      await pollUntil('the healthy page', async () =>
        (await page.evaluate<string>('document.body?.innerText ?? ""')).includes(
          'Northwind Outfitters',
        )
          ? true
          : undefined,
      );
      // The load, two attempts (the second one answered), and the tab's own navigation back.
      expect(requests().map((request) => requestHeader(request, 'sec-fetch-dest'))).toEqual([
        'document',
        'empty',
        'empty',
        'document',
      ]);
      await page.close();
    },
  );
});
