/**
 * Floods, all at once: a page whose own calls fail a thousand times, fifty tabs failing together and an error page
 * that reloads itself in a loop. Storage stays bounded (one record per failed tab, each small), writes are batched,
 * every tab's badge is right, and the browser still answers afterwards. The figures it measures are printed, and
 * reported in the README's Reliability section.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, browserSession, pollUntil, type ExtensionApi } from './harness';
import { panelControls } from './in-panel';
import { storageChanges, storedState, watchStorage } from './storage-watch';

const TABS = 50;
const API_CALLS = 1000;
const RELOADS = 20;
/** A record as large as the per-tab bound the background promises (entrypoints/background/bad-input.test.ts). */
const MAX_RECORD_BYTES = 192 * 1024;

describe.each(BROWSERS)('floods in %s', (browserName) => {
  const session = browserSession(browserName);

  it('keeps storage bounded and batched, every badge right, and the browser answering', async () => {
    const { browser } = session;
    await browser.inExtension(watchStorage);

    const api = await session.open('/scenarios/page-api-flood');
    const loop = await session.open('/scenarios/hostile-reload-loop');
    const failing = Array.from({ length: TABS }, () =>
      session.fresh('/scenarios/bad-gateway-html'),
    );
    const tabs: number[] = await browser.inExtension(
      (ext: ExtensionApi, urls: string[]) =>
        Promise.all(urls.map(async (url) => (await ext.tabs.create({ url, active: false })).id)),
      failing,
    );

    const recordOf = (tabId: number) =>
      browser.inExtension(
        async (ext: ExtensionApi, key: string) => (await ext.storage.session.get(key))[key],
        `tab:${tabId}`,
      ) as Promise<{ parts: { count: number }[] } | undefined>;
    await pollUntil(
      `${API_CALLS} failed calls counted`,
      async () => ((await recordOf(api.tabId))?.parts[0]?.count === API_CALLS ? true : undefined),
      { timeoutMs: 60_000 },
    );
    await pollUntil(
      `the ${TABS} failed tabs’ badges`,
      async () =>
        (
          await browser.inExtension(
            async (ext: ExtensionApi, ids: number[]) =>
              Promise.all(ids.map((tabId) => ext.action.getBadgeText({ tabId }))),
            tabs,
          )
        ).every((text: string) => text === '502') || undefined,
      { timeoutMs: 60_000 },
    );
    await pollUntil(
      'the reload loop to end',
      async () =>
        (await loop.page.evaluate<string>('document.getElementById("reloads")?.textContent')) ===
        String(RELOADS)
          ? true
          : undefined,
      { timeoutMs: 30_000 },
    );
    // The loop's last load is handled once it has loaded: its badge says so.
    await pollUntil('the loop’s badge', async () =>
      (await browser.toolbar(loop.tabId)).text === '502' ? true : undefined,
    );

    // Every badge is right: the API page's says API with the count, every failed tab's its status.
    const apiToolbar = await browser.toolbar(api.tabId);
    expect(apiToolbar.text).toBe('API');
    expect(apiToolbar.title).toContain(`${API_CALLS} of its requests`);
    for (const tabId of tabs) expect((await browser.toolbar(tabId)).text).toBe('502');
    // Every failed tab got its panel.
    for (const tabId of tabs)
      expect(await panelControls(browser, tabId), `tab ${tabId}`).toContain('Try again');

    // One record per failed tab, each within the bound; nothing else in storage.session.
    const { session: stored } = await browser.inExtension(storedState);
    const ours = [api.tabId, loop.tabId, ...tabs].map((id) => `tab:${id}`);
    expect(Object.keys(stored).sort()).toEqual([...ours].sort());
    const sizes = Object.values(stored).map((record) => JSON.stringify(record).length);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(MAX_RECORD_BYTES);

    // Writes are batched: a thousand failed calls take a few dozen writes, a failed tab a handful (its failure, the
    // claim to show it, what the page said, and once more when Firefox reports the tab complete first), a reload a few.
    const changes = await browser.inExtension(storageChanges);
    const writesTo = (tabId: number) =>
      changes.filter((c) => c.area === 'session' && c.keys.includes(`tab:${tabId}`)).length;
    const apiWrites = writesTo(api.tabId);
    const tabWrites = tabs.map(writesTo);
    const loopWrites = writesTo(loop.tabId);
    expect(apiWrites).toBeLessThanOrEqual(API_CALLS / 10);
    expect(Math.max(...tabWrites)).toBeLessThanOrEqual(6);
    expect(loopWrites).toBeLessThanOrEqual((RELOADS + 1) * 5);

    // The browser still answers: the extension, and both pages that flooded it.
    expect(await browser.inExtension((ext: ExtensionApi) => ext.runtime.id)).toBeTruthy();
    expect(await api.page.evaluate('document.getElementById("failed").textContent')).toBe(
      String(API_CALLS),
    );
    expect(await loop.page.evaluate('document.title')).toBe('502 Bad Gateway');

    console.info(
      `${browserName} floods: ${API_CALLS} failed calls → ${apiWrites} writes; ` +
        `${TABS} failed tabs → ${Math.min(...tabWrites)}–${Math.max(...tabWrites)} writes each; ` +
        `${RELOADS + 1} loads of the reload loop → ${loopWrites} writes; ` +
        `storage.session ${Object.keys(stored).length} keys, ` +
        `${sizes.reduce((a, b) => a + b, 0)} bytes, largest record ${Math.max(...sizes)} bytes`,
    );

    // Closing them all leaves nothing behind.
    await browser.inExtension((ext: ExtensionApi, ids: number[]) => ext.tabs.remove(ids), tabs);
    await Promise.all([api.page.close(), loop.page.close()]);
    await pollUntil('storage.session to empty', async () => {
      const left = Object.keys((await browser.inExtension(storedState)).session);
      return left.some((key) => ours.includes(key)) ? undefined : true;
    });
  }, 120_000);
});
