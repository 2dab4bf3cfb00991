import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { requestHeader, type LabRequest } from '../lab/server';
import { BROWSERS, browserSession, pollUntil, type ExtensionApi, type TestPage } from './harness';
import { permissionGranted } from './extension-state';
import { clickReally } from './real-click';

/**
 * The popup's guided checks, in both browsers, against the gateway lab reached by real-looking names: the site at
 * shop.gdlab.test, its status page at status.gdlab.test, a sibling site at other.gdlab.test. archive.org resolves to
 * the loopback too, where nothing listens, so no check can leave the machine: in Chromium the Internet Archive's
 * answer is given inside the browser (Playwright routes the service worker's request), in Firefox the request finds
 * no server and the popup must say so.
 */
const SITE = 'shop.gdlab.test';
const SIBLING = 'other.gdlab.test';
const LOOPBACK_HOSTS = [SITE, 'status.gdlab.test', SIBLING, 'archive.org'];

/** A capture as the Wayback availability API describes one (https://archive.org/help/wayback_api.php). */
const waybackAnswer = (url: string) =>
  JSON.stringify({
    url,
    archived_snapshots: {
      closest: {
        status: '200',
        available: true,
        url: `http://web.archive.org/web/20260301101500/${url}`,
        timestamp: '20260301101500',
      },
    },
  });

describe.each(BROWSERS)('popup in %s', (browserName) => {
  const session = browserSession(browserName, { loopbackHosts: LOOPBACK_HOSTS });
  const runOf = (url: string) => new URL(url).searchParams.get('run') ?? '';
  const requestsOf = (url: string): LabRequest[] => session.lab.requests({ run: runOf(url) });
  const browsingDataGranted = () => permissionGranted(session.browser, 'browsingData');

  /** Opens a fresh lab page (on `host`, else 127.0.0.1) and waits for the failure's badge. */
  async function failedPage(path: string, host?: string) {
    const url = session.fresh(path, host);
    const page = await session.browser.newPage();
    await page.goto(url);
    return { page, url, ...(await failedTab(url)) };
  }

  async function failedTab(url: string) {
    const tabId = await session.browser.tabIdOf(url);
    await pollUntil(`the badge of ${url}`, async () =>
      /^\d{3}$/.test((await session.browser.toolbar(tabId)).text) ? true : undefined,
    );
    return { tabId };
  }

  const mainText = (popup: TestPage) =>
    popup.evaluate<string>('document.querySelector("main")?.innerText ?? ""');

  async function openPopup(tabId: number, ready = 'Checks, one at a time') {
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await pollUntil('the popup to render', async () =>
      (await mainText(popup)).includes(ready) ? true : undefined,
    );
    return popup;
  }

  /** Clicks the button or link named `name` inside the check with this id. */
  const press = (popup: TestPage, check: string, name: string) =>
    popup.evaluate(
      ([id, label]: [string, string]) => {
        const control = [...document.querySelectorAll(`#${id} button, #${id} a`)].find(
          (element) => element.textContent?.trim() === label,
        ) as HTMLElement | undefined;
        if (!control) throw new Error(`No control named ${label} in #${id}`);
        control.click();
      },
      [check, name] as never,
    );

  const outcomeOf = (popup: TestPage, check: string) =>
    popup.evaluate<string>(`document.querySelector('#${check} [role=status]')?.textContent ?? ''`);

  async function outcome(popup: TestPage, check: string, expected: RegExp) {
    return pollUntil(`the outcome of ${check} to match ${expected}`, async () => {
      const text = await outcomeOf(popup, check);
      return expected.test(text) ? text : undefined;
    });
  }

  /** Lets whatever the popup would do by itself happen, so that a request it must not make would show. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

  it('on a healthy tab says so and lists the recent incidents', async () => {
    const failed = await failedPage('/scenarios/bad-gateway-html');
    const healthy = await session.browser.newPage();
    const healthyUrl = session.fresh('/scenarios/healthy-page');
    await healthy.goto(healthyUrl);
    const popup = await openPopup(await session.browser.tabIdOf(healthyUrl), 'loaded normally');
    const text = await mainText(popup);
    expect(text).toContain(`${new URL(healthyUrl).host} loaded normally.`);
    expect(text).toContain('Recent incidents');
    expect(text).toContain(session.lab.origin);
    expect(text).toMatch(/502/);
    expect(text).not.toContain('Checks, one at a time');
    await popup.close();
    await healthy.close();
    await failed.page.close();
  });

  it('watches the page until it is back, says when it looks next, and stops when asked', async () => {
    const { page, url, tabId } = await failedPage('/scenarios/recovers-after-failures');
    const popup = await openPopup(tabId);
    await press(popup, 'check-watch', "Tell me when it's back");
    expect(await outcome(popup, 'check-watch', /next check at/)).toMatch(
      /^Watching: next check at \d{1,2}:\d{2}/,
    );
    expect((await session.browser.toolbar(tabId)).title).toContain(
      'Gateway Doctor is watching this page',
    );
    await press(popup, 'check-watch', 'Stop watching');
    await pollUntil('the watch to stop', async () =>
      (await outcomeOf(popup, 'check-watch')) === '' ? true : undefined,
    );
    expect(
      await session.browser.inExtension(async (api: { alarms: { getAll(): Promise<unknown[]> } }) =>
        api.alarms.getAll(),
      ),
    ).toEqual([]);
    // Watching asked the site nothing by itself: the one request is the tab's own.
    expect(requestsOf(url)).toHaveLength(1);
    await popup.close();
    await page.close();
  });

  it('opens the settings from its footer', async () => {
    const { page, tabId } = await failedPage('/scenarios/bad-gateway-html');
    const popup = await openPopup(tabId);
    await popup.evaluate('[...document.querySelectorAll("footer a")].at(-1).click()');
    const options = `${session.browser.extensionOrigin}/options.html`;
    expect(
      await pollUntil('the settings to open in a tab', () =>
        session.browser.inExtension(async (api, wanted: string) => {
          const tabs: { url?: string }[] = await api.tabs.query({});
          return tabs.some((tab) => tab.url === wanted) || undefined;
        }, options),
      ),
    ).toBe(true);
    await popup.close();
    await page.close();
  });

  it('asks the site again, says what it answered and when, keeps that, and reloads the tab once it works', async () => {
    const { page, url, tabId } = await failedPage('/scenarios/recovers-after-failures');
    let popup = await openPopup(tabId);
    await settle();
    // Opening the popup asked the site nothing: the one request is the tab's own.
    expect(requestsOf(url)).toHaveLength(1);

    await press(popup, 'check-retry', 'Try again');
    const failing = await outcome(popup, 'check-retry', /Still failing/);
    expect(failing).toMatch(/^Still failing at \d{1,2}:\d{2}:\d{2}.*: the site answered 502\./);
    expect(failing).toContain('Next: reload without the cache.');

    // Closing and reopening the popup keeps what the check found for this incident.
    await popup.close();
    popup = await openPopup(tabId);
    expect(await outcomeOf(popup, 'check-retry')).toBe(failing);

    await press(popup, 'check-retry', 'Try again');
    await pollUntil('the third request', async () =>
      requestsOf(url).length === 3 ? true : undefined,
    );
    await outcome(popup, 'check-retry', /Still failing/);
    // The popup moves on to the recovered page as soon as the tab has it, which on the lab can be before a poll
    // would read the check's answer: keep every answer it shows.
    await popup.evaluate(`{
      const seen = (window.gdRetryAnswers = []);
      new MutationObserver(() => {
        const text = document.querySelector('#check-retry [role=status]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }`);
    // The lab answers the fourth request of a run with the healthy page.
    await press(popup, 'check-retry', 'Try again');
    await pollUntil('the tab to reload the recovered page', async () =>
      (await page.evaluate<string>('document.title')).includes('Northwind') ? true : undefined,
    );
    // The popup, still open, follows its tab to the recovered page.
    await pollUntil('the popup to show the tab healthy', async () =>
      (await mainText(popup)).includes('loaded normally') ? true : undefined,
    );
    expect(await mainText(popup)).not.toContain('Checks, one at a time');
    expect(await popup.evaluate<string[]>('window.gdRetryAnswers')).toContainEqual(
      expect.stringMatching(
        /^The site answered 200 at .+: it works again, so the page is being reloaded\./,
      ),
    );
    expect(requestsOf(url).map((request) => request.method)).toEqual([
      'GET',
      'GET',
      'GET',
      'GET',
      'GET',
    ]);
    await popup.close();
    await page.close();
  });

  it('says when an answer’s Retry-After asks to be asked again, rather than reloading at once', async () => {
    // The first load fails with a 502; asked again, the lab answers 503 with Retry-After: 600.
    const { page, url, tabId } = await failedPage('/scenarios/busy-retry-after-seconds');
    const popup = await openPopup(tabId);
    await press(popup, 'check-retry', 'Try again');
    const text = await outcome(popup, 'check-retry', /Still failing/);
    expect(text).toMatch(/the site answered 503\.The site asks to be asked again after .+:/);
    expect(text).not.toContain('reload without the cache');
    expect(requestsOf(url)).toHaveLength(2);
    await popup.close();
    await page.close();
  });

  it('reloads around the cache: the lab sees no validator, though the browser held some', async () => {
    const url = session.fresh('/scenarios/fails-after-first-visit');
    const page = await session.browser.newPage();
    await page.goto(url);
    await page.goto(url);
    const { tabId } = await failedTab(url);
    const before = requestsOf(url);
    // The second visit revalidated the copy kept from the first: the browser had validators to send.
    expect(before.map((request) => requestHeader(request, 'if-none-match'))).toEqual([
      undefined,
      '"lab-first-visit-1"',
    ]);
    const popup = await openPopup(tabId);
    await press(popup, 'check-reload', 'Reload without cache');
    const reload = await pollUntil('the reload at the lab', async () => requestsOf(url)[2]);
    expect(requestHeader(reload, 'if-none-match')).toBeUndefined();
    expect(requestHeader(reload, 'if-modified-since')).toBeUndefined();
    // What a reload around the cache asks of every cache on the way (RFC 9111 section 5.2.1.4).
    expect(requestHeader(reload, 'cache-control')).toBe('no-cache');
    expect(await outcome(popup, 'check-reload', /Reloaded/)).toMatch(
      /^Reloaded without the cache at .+\./,
    );
    await popup.close();
    await page.close();
  });

  it('never sends a form again: Retry and the comparison say why', async () => {
    const url = session.fresh('/scenarios/form-post-fails');
    const page = await session.browser.newPage();
    await page.goto(url);
    // After this call has returned: the submission navigates the page.
    await page.evaluate('setTimeout(() => document.forms[0].submit(), 50)');
    const { tabId } = await failedTab(url);
    const popup = await openPopup(tabId);
    await press(popup, 'check-retry', 'Try again');
    expect(await outcome(popup, 'check-retry', /form/)).toContain(
      'Not asked again: this page is the answer to a form you sent.',
    );
    await press(popup, 'check-session', 'Compare');
    expect(await outcome(popup, 'check-session', /form/)).toContain('an order or a payment');
    await settle();
    // The form posts to its own address, without the run token: only this test uses the scenario.
    expect(
      session.lab.requests({ scenario: 'form-post-fails' }).map((request) => request.method),
    ).toEqual(['GET', 'POST']);
    await popup.close();
    await page.close();
  });

  it('finds that the site fails only with its cookies, and clears them, as far as this browser clears a site', async () => {
    // A sibling site of the same registrable domain, with a cookie of its own.
    const siblingUrl = session.fresh('/scenarios/healthy-page', SIBLING);
    const sibling = await session.browser.newPage();
    await sibling.goto(siblingUrl);
    await sibling.evaluate('document.cookie = "lab_sibling=1; path=/"');

    // The first visit signs in (a large session cookie); the cookie shared by the whole domain is set by the page.
    const url = session.fresh('/scenarios/fails-with-cookies', SITE);
    const page = await session.browser.newPage();
    await page.goto(url);
    await page.evaluate('document.cookie = "lab_shared=1; domain=gdlab.test; path=/"');
    await page.goto(url);
    const { tabId } = await failedTab(url);
    const popup = await openPopup(tabId);
    await settle();
    expect(requestsOf(url)).toHaveLength(2);

    await press(popup, 'check-session', 'Compare');
    const found = await outcome(popup, 'check-session', /Without them/);
    expect(found).toContain('With your cookies: 502. Without them: 200.');
    expect(found).toContain('The site fails only for your session');
    const [withCookies, withoutCookies] = requestsOf(url)
      .slice(2)
      .sort(
        (a, b) =>
          (requestHeader(b, 'cookie') ?? '').length - (requestHeader(a, 'cookie') ?? '').length,
      );
    expect(requestHeader(withCookies!, 'cookie')).toContain('lab_session=');
    expect(requestHeader(withoutCookies!, 'cookie')).toBeUndefined();

    await press(popup, 'check-session', 'Go to step 4');
    expect(await popup.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe(
      "Clear this site's data…",
    );
    await press(popup, 'check-clear', "Clear this site's data…");
    const confirmation = await pollUntil(
      'the confirmation',
      async () =>
        (await popup.evaluate<string>(
          'document.querySelector("#check-clear [role=group]")?.textContent ?? ""',
        )) || undefined,
    );
    expect(confirmation).toContain(`Clear the data of ${SITE}?`);
    expect(confirmation).toContain('signs you out');
    if (browserName === 'chromium') {
      expect(confirmation).toContain(
        'Chrome deletes the cookies of gdlab.test and all its subdomains',
      );
    } else {
      expect(confirmation).toContain(`Firefox deletes the cookies of ${SITE}`);
      expect(confirmation).toContain("Firefox cannot clear one site's cached files");
    }
    // browsingData is asked for from this click: Chrome grants it without a prompt (it carries no warning),
    // Firefox's prompt is answered Allow by the harness.
    expect(await browsingDataGranted()).toBe(false);
    // In Chromium this runs in the service worker: the API of a permission not granted is absent there...
    const apiInBackground = () =>
      session.browser.inExtension((api: ExtensionApi) => typeof api.browsingData);
    if (browserName === 'chromium') expect(await apiInBackground()).toBe('undefined');
    await clickReally(popup, '#check-clear', 'Clear and sign me out');
    await outcome(popup, 'check-clear', /^Cleared at/);
    expect(await browsingDataGranted()).toBe(true);
    // ...and there once granted, the extension not restarted: as notifications' is (its prompt cannot be answered
    // here), which the watch reads when it ends.
    if (browserName === 'chromium') expect(await apiInBackground()).toBe('object');

    // The site's own cookies and the domain's shared one are gone in both browsers...
    await page.goto(url);
    const after = requestsOf(url).at(-1)!;
    expect(requestHeader(after, 'cookie')).toBeUndefined();
    expect(await page.evaluate<string>('document.title')).toContain('Welcome');
    // ...and the sibling's goes too in Chrome, which clears the whole registrable domain; Firefox keeps it.
    await sibling.goto(session.fresh('/scenarios/healthy-page', SIBLING));
    const siblingCookie = requestHeader(
      session.lab.requests({ scenario: 'healthy-page' }).at(-1)!,
      'cookie',
    );
    if (browserName === 'chromium') expect(siblingCookie).toBeUndefined();
    else expect(siblingCookie).toBe('lab_sibling=1');
    await popup.close();
    await page.close();
    await sibling.close();
  });

  it('asks the outside world nothing before a click, then finds the status page, the address, a phone’s code and the archive', async () => {
    const archived = browserName === 'chromium';
    const answered = await session.browser.answerRequests?.(
      'https://archive.org/wayback/available*',
      {
        status: 200,
        contentType: 'application/json',
        body: waybackAnswer(`http://${SITE}/scenarios/bad-gateway-html`),
      },
    );
    const { page, url, tabId } = await failedPage('/scenarios/bad-gateway-html', SITE);
    const popup = await openPopup(tabId);
    await settle();
    expect(session.lab.requests().filter((request) => request.path.startsWith('/api/'))).toEqual(
      [],
    );
    expect(answered?.() ?? []).toEqual([]);

    const pagePath = `http://${SITE}:${new URL(url).port}/scenarios/bad-gateway-html`;
    expect(
      await popup.evaluate<string[]>(
        '[...document.querySelectorAll("#check-archive a, #check-network a")].map((a) => a.href)',
      ),
    ).toEqual([
      `https://downforeveryoneorjustme.com/${SITE}`,
      `https://web.archive.org/web/${pagePath}`,
    ]);

    // The official status page: status. + the registrable domain, on the page's own port.
    await press(popup, 'check-status-page', 'Look for it');
    const status = await outcome(popup, 'check-status-page', /reports/);
    expect(status).toContain(
      `status.gdlab.test:${new URL(url).port} reports: “Partial System Outage”.`,
    );
    expect(status).toContain('They know about a problem');
    const asked = session.lab.requests({ scenario: 'status-page-api' });
    expect(asked).toHaveLength(1);
    expect(requestHeader(asked[0]!, 'host')).toBe(`status.gdlab.test:${new URL(url).port}`);
    expect(requestHeader(asked[0]!, 'cookie')).toBeUndefined();

    // DNS: Firefox looks the name up afresh; Chrome, which cannot, gives the command for this system.
    if (browserName === 'firefox') {
      await press(popup, 'check-dns', 'Look it up');
      expect(await outcome(popup, 'check-dns', /points to/)).toContain(
        `${SITE} still points to 127.0.0.1, the address the failed request went to.`,
      );
    } else {
      const dns = await popup.evaluate<string>('document.querySelector("#check-dns").innerText');
      expect(dns).toContain('Chrome does not let extensions look up');
      expect(dns).toContain('resolvectl flush-caches');
      expect(dns).toContain('Copy command');
    }

    // Another network: the code decodes back to the page's address.
    await press(popup, 'check-network', 'Show a code for your phone');
    await pollUntil(
      'the QR code',
      async () =>
        (await popup.evaluate<boolean>('!!document.querySelector("#check-network svg")')) ||
        undefined,
    );
    const shot = join(tmpdir(), `gd-qr-${browserName}-${process.pid}.png`);
    await popup.screenshot(shot, '#check-network svg');
    const png = PNG.sync.read(readFileSync(shot));
    rmSync(shot, { force: true });
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(url);

    // The archive: Chromium gets the canned answer in the browser; in Firefox nothing answers at all.
    await press(popup, 'check-archive', 'Check whether a copy exists');
    if (archived) {
      expect(await outcome(popup, 'check-archive', /copy from/)).toMatch(
        /^The Internet Archive has a copy from .*2026\.$/,
      );
      expect(answered?.()).toEqual([
        `https://archive.org/wayback/available?url=${encodeURIComponent(pagePath)}`,
      ]);
      expect(
        await popup.evaluate<string | null>(
          '[...document.querySelectorAll("#check-archive a")].at(-1)?.href ?? null',
        ),
      ).toBe(
        `https://web.archive.org/web/20260301101500/http://${SITE}/scenarios/bad-gateway-html`,
      );
    } else {
      expect(await outcome(popup, 'check-archive', /could not/)).toBe(
        'The Internet Archive could not be reached.',
      );
    }
    await popup.close();
    await page.close();
  });
});
