import { describe, expect, it } from 'vitest';
import { BROWSERS, browserSession, pollUntil, type ExtensionApi, type TestPage } from './harness';

/*
 * The options page in both browsers, driven through its own controls: settings apply to the next failed page without
 * reloading the extension, the "don't show" list silences a site, and the history's exports hold what the visits
 * recorded. The page's accessibility scan is in a11y.e2e.ts; asking for host access in Firefox, in welcome.e2e.ts.
 */

/** Clicks the control a label names, as a visitor would: the label's own text, exactly. */
const clickLabelled = (page: TestPage, label: string) =>
  page.evaluate((text: string) => {
    const found = [...document.querySelectorAll('label')].find(
      (candidate) => candidate.textContent?.trim() === text,
    );
    if (!found?.control) throw new Error(`No control labelled "${text}"`);
    (found.control as HTMLElement).click();
  }, label);

/** Clicks the button with this accessible name (its aria-label, or its text). */
const clickButton = (page: TestPage, name: string) =>
  page.evaluate((wanted: string) => {
    const button = [...document.querySelectorAll('button')].find(
      (candidate) =>
        (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === wanted,
    );
    if (!button) throw new Error(`No button "${wanted}"`);
    button.click();
  }, name);

const typeInto = (page: TestPage, label: string, text: string) =>
  page.evaluate(
    ([wanted, value]: [string, string]) => {
      const found = [...document.querySelectorAll('label')].find(
        (candidate) => candidate.textContent?.trim() === wanted,
      );
      const field = found?.control as HTMLInputElement | null | undefined;
      if (!field) throw new Error(`No field labelled "${wanted}"`);
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [label, text],
  );

const textOf = (page: TestPage) => page.evaluate<string>('document.body.innerText');

/** The JSON and CSV files the export buttons hand the browser to download, read back from their blob URLs. */
interface Download {
  readonly name: string;
  readonly text: string;
}
const captureDownloads = (page: TestPage) =>
  page.evaluate(() => {
    const files: Promise<Download>[] = [];
    Object.assign(globalThis, { capturedDownloads: files });
    // A download is an anchor with `download` clicked: read its blob instead of saving it.
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const name = this.download;
      files.push(
        fetch(this.href)
          .then((response) => response.text())
          .then((text) => ({ name, text })),
      );
    };
  });
const capturedDownloads = (page: TestPage) =>
  page.evaluate<Download[]>('(async () => Promise.all(globalThis.capturedDownloads))()');

interface ExportedIncident {
  time: string;
  site: string;
  origin: string;
  statusCode: number;
  gateway: string | null;
  recoveredAt: string | null;
}

describe.each(BROWSERS)('options page in %s', (browserName) => {
  const session = browserSession(browserName);
  const { open, fresh } = session;

  const stored = async (key: 'settings' | 'history') =>
    (
      await session.browser.inExtension(
        (api: ExtensionApi, name: string) => api.storage.local.get(name),
        key,
      )
    )[key];

  async function openOptions() {
    const page = await session.browser.openExtensionPage('options.html');
    await pollUntil('the options page to render', async () =>
      (await textOf(page)).includes('When a page fails') ? true : undefined,
    );
    return page;
  }

  const badgeOf = (tabId: number, expected: string) =>
    pollUntil(`badge "${expected}" on tab ${tabId}`, async () =>
      (await session.browser.toolbar(tabId)).text === expected ? true : undefined,
    );
  const hasPanel = (page: TestPage) =>
    page.evaluate<boolean>('document.querySelector("gateway-doctor") !== null');

  it('is the manifest’s options page, opened in a tab, and the browser opens it', async () => {
    const optionsUi = await session.browser.inExtension(
      (api: ExtensionApi) => api.runtime.getManifest().options_ui,
    );
    // Firefox reports the page as a full URL, and adds browser_style: false of its own.
    expect(optionsUi.open_in_tab).toBe(true);
    expect(new URL(optionsUi.page, `${session.browser.extensionOrigin}/`).href).toBe(
      `${session.browser.extensionOrigin}/options.html`,
    );
    await session.browser.inExtension((api: ExtensionApi) => api.runtime.openOptionsPage());
    await session.browser.tabIdOf(`${session.browser.extensionOrigin}/options.html`);
  });

  it('shows notifications off, and why, while the browser has not allowed them', async () => {
    const options = await openOptions();
    const shown = await options.evaluate<{ checked: boolean; why: string }>(`(() => {
      const box = document.querySelector('#setting-notifications');
      return { checked: box.checked, why: document.getElementById(box.getAttribute('aria-describedby')).textContent };
    })()`);
    // Asked for when first used: a new install has the setting on and the permission not yet granted.
    expect(shown).toEqual({
      checked: false,
      why: expect.stringContaining(
        'Your browser has not allowed Gateway Doctor to show notifications, so none will come. Turning this on asks it.',
      ),
    });
    await options.close();
  });

  it('turns the panel off from its checkbox, and the next failed page has none; on again, it has one', async () => {
    const options = await openOptions();
    await clickLabelled(options, 'Show the panel on pages that fail');
    await pollUntil('the setting to be saved', async () =>
      (await stored('settings'))?.panelEnabled === false ? true : undefined,
    );
    expect(await textOf(options)).toMatch(/Saved at /);

    const off = await open('/scenarios/bad-gateway-html');
    // The toolbar is set after the panel would have been injected: the page has been handled.
    await badgeOf(off.tabId, '502');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await hasPanel(off.page)).toBe(false);

    await clickLabelled(options, 'Show the panel on pages that fail');
    await pollUntil('the setting to be saved', async () =>
      (await stored('settings'))?.panelEnabled === true ? true : undefined,
    );
    const on = await open('/scenarios/bad-gateway-html');
    await pollUntil('the panel', async () => ((await hasPanel(on.page)) ? true : undefined));
    for (const page of [off.page, on.page, options]) await page.close();
  });

  it('silences a site added to the "don’t show" list, and hears it again once removed', async () => {
    const options = await openOptions();
    const silenced = fresh('/gateway/cloudflare-522');
    const site = new URL(silenced).host;
    // A visitor pastes an address of the site; the list keeps its host.
    await typeInto(options, 'Site to add', silenced);
    await clickButton(options, 'Add');
    await pollUntil('the site to be listed', async () =>
      (await stored('settings'))?.ignoredSites?.includes(site) ? true : undefined,
    );
    expect(await textOf(options)).toContain(site);

    const quiet = await open('/gateway/cloudflare-522');
    // Firefox can fire the page's load before webRequest's onCompleted reaches the background: give the background
    // the time the panel's own "stays off" tests give it, before the site is heard again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await session.browser.toolbar(quiet.tabId)).toEqual({
      text: '',
      title: 'Gateway Doctor',
    });
    await clickButton(options, `Remove ${site}`);
    await pollUntil('the site to be removed', async () =>
      (await stored('settings'))?.ignoredSites?.length === 0 ? true : undefined,
    );
    // Once a page loaded after the removal is marked, the silenced one before it has long been handled.
    const heard = await open('/gateway/cloudflare-522');
    await badgeOf(heard.tabId, '522');
    expect(await session.browser.toolbar(quiet.tabId)).toEqual({
      text: '',
      title: 'Gateway Doctor',
    });
    expect(await hasPanel(quiet.page)).toBe(false);
    for (const page of [quiet.page, heard.page, options]) await page.close();
  });

  it('clears the history once confirmed, then exports as JSON and CSV exactly the failures visited', async () => {
    const before = await open('/gateway/nginx-502-chrome');
    await badgeOf(before.tabId, '502');
    await before.page.close();
    const options = await openOptions();
    await clickLabelled(options, "The page's address, without its query string (the part after ?)");
    await pollUntil('full addresses to be kept', async () =>
      (await stored('settings'))?.historyMode === 'full' ? true : undefined,
    );
    await pollUntil('the recorded failure', async () =>
      (await stored('history'))?.length > 0 ? true : undefined,
    );
    await clickButton(options, 'Clear history…');
    await clickButton(options, 'Delete everything');
    await pollUntil('the history to be empty', async () =>
      (await stored('history'))?.length === 0 ? true : undefined,
    );
    expect(await textOf(options)).toContain('History cleared.');

    const started = Date.now();
    const visits = [
      { path: '/scenarios/bad-gateway-html', status: '502', gateway: null },
      { path: '/gateway/cloudflare-522', status: '522', gateway: 'Cloudflare' },
      { path: '/gateway/aws-alb-504', status: '504', gateway: 'AWS Elastic Load Balancing' },
    ];
    const tabs = [];
    for (const visit of visits) {
      const tab = await open(visit.path);
      await badgeOf(tab.tabId, visit.status);
      tabs.push({ ...visit, ...tab });
    }
    const ended = Date.now();

    // The page follows the history as it is recorded, without a reload.
    await pollUntil('the three failures in the table', async () =>
      (await textOf(options)).includes('Errors shown: 3 of 3.') ? true : undefined,
    );
    await captureDownloads(options);
    await clickButton(options, 'Export as JSON');
    await clickButton(options, 'Export as CSV');
    const [json, csv] = await capturedDownloads(options);

    // Newest first; each the address visited without its ?run= query, its status and its gateway.
    const expected = [...tabs].reverse().map((tab) => {
      const url = new URL(tab.url);
      return {
        site: `${url.origin}${url.pathname}`,
        origin: url.origin,
        statusCode: Number(tab.status),
        gateway: tab.gateway,
        recoveredAt: null,
      };
    });
    expect(json?.name).toMatch(/^gateway-doctor-history-\d{4}-\d{2}-\d{2}\.json$/);
    const incidents = (JSON.parse(json!.text) as { incidents: ExportedIncident[] }).incidents;
    expect(incidents.map(({ time: _time, ...rest }) => rest)).toEqual(
      expected.map((entry) => ({ ...entry, recoveredAfterSeconds: null })),
    );
    for (const { time } of incidents) {
      expect(Date.parse(time)).toBeGreaterThanOrEqual(started - 1_000);
      expect(Date.parse(time)).toBeLessThanOrEqual(ended);
    }

    expect(csv?.name).toMatch(/^gateway-doctor-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv!.text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('time,site,origin,status,gateway,recovered_at,recovered_after_seconds');
    expect(lines.slice(1, -1)).toEqual(
      expected.map((entry, i) =>
        [
          incidents[i]!.time,
          entry.site,
          entry.origin,
          entry.statusCode,
          entry.gateway ?? '',
          '',
          '',
        ].join(','),
      ),
    );
    for (const tab of tabs) await tab.page.close();
    await options.close();
  });

  it('lists a watch whose tab was closed, and stops it: its alarm is gone', async () => {
    const { page, tabId, url } = await open('/scenarios/bad-gateway-html');
    // Started as the popup would, naming the tab.
    await pollUntil('the watch to start', async () => {
      const view: { kind: string } | undefined = await session.browser.inExtension(
        (api: ExtensionApi, id: number) =>
          api.runtime.sendMessage({ type: 'watch', data: { tabId: id } }),
        tabId,
      );
      return view?.kind === 'watching' ? true : undefined;
    });
    const watchAlarms = () =>
      session.browser.inExtension(async (api: ExtensionApi) =>
        (await api.alarms.getAll())
          .map((alarm: { name: string }) => alarm.name)
          .filter((name: string) => name.startsWith('watch:')),
      ) as Promise<string[]>;
    expect(await watchAlarms()).toHaveLength(1);
    await page.close();

    const options = await openOptions();
    await pollUntil('the watch in the list', async () => {
      const text = await textOf(options);
      return text.includes(url) && text.includes('Watching: next check at') ? true : undefined;
    });
    await clickButton(options, `Stop watching ${url}`);
    await pollUntil('the list to say it stopped, and that nothing is watched', async () => {
      const text = await textOf(options);
      return text.includes(`Stopped watching ${url}.`) && text.includes('No page is being watched.')
        ? true
        : undefined;
    });
    await pollUntil('the watch’s alarm to be cleared', async () =>
      (await watchAlarms()).length === 0 ? true : undefined,
    );
    expect(
      await session.browser.inExtension(
        async (api: ExtensionApi) => (await api.storage.local.get('watches')).watches,
      ),
    ).toEqual([]);
    await options.close();
  });
});
