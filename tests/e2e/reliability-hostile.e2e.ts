/**
 * A page cannot drive the extension. The hostile-drives-extension lab page knows the extension's id and origin, fakes
 * its panel, traps prototypes before any content script runs, then posts and dispatches the extension's own
 * messages and WXT's events, calls the extension by id, frames its pages and pokes the real panel. panel.e2e.ts
 * shows the panel looks the same on the other hostile pages; this spec checks that nothing privileged happened.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, browserSession, pollUntil, type ExtensionApi } from './harness';
import { panelControls } from './in-panel';
import { storageChanges, storedState, watchStorage } from './storage-watch';

interface AttackReport {
  readonly traps: readonly string[];
  readonly reachable: readonly string[];
  readonly posted: number;
  readonly forged: number;
  readonly poked: number;
}

describe.each(BROWSERS)('a hostile page in %s', (browserName) => {
  const session = browserSession(browserName);

  it('cannot reload its tab, ignore its site, change storage or make the extension ask the site again', async () => {
    const { browser, lab } = session;
    const runtimeId = await browser.inExtension((api: ExtensionApi) => api.runtime.id as string);
    const query = new URLSearchParams({ id: runtimeId, origin: browser.extensionOrigin });
    const url = session.fresh(`/scenarios/hostile-drives-extension?${query}`);
    const run = new URL(url).searchParams.get('run') ?? '';
    const page = await browser.newPage();
    await page.goto(url);
    const tabId = await browser.tabIdOf(url);
    const state = () => page.evaluate<string>('document.getElementById("state").textContent');
    await pollUntil('the page to find the panel', async () =>
      (await state()) === 'ready' ? true : undefined,
    );
    await pollUntil('the panel', async () =>
      (await panelControls(browser, tabId))?.includes('Try again') ? true : undefined,
    );
    await pollUntil('the badge', async () =>
      (await browser.toolbar(tabId)).text === '502' ? true : undefined,
    );

    const before = await browser.inExtension(storedState);
    await browser.inExtension(watchStorage);
    expect(lab.requests({ run })).toHaveLength(1);

    await page.evaluate('startAttacks()');
    await pollUntil('the attacks to end', async () =>
      (await state()) === 'done' ? true : undefined,
    );
    // Long enough for anything the attacks set off to have happened.
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const report = JSON.parse(
      await page.evaluate<string>('document.getElementById("report").textContent'),
    ) as AttackReport;
    // The attacks ran, every one of them.
    expect(report).toMatchObject({ posted: 2800, forged: 3, poked: 15 });
    // No extension code tripped the page's traps, and nothing of the extension answered the page.
    expect(report.traps).toEqual([]);
    expect(report.reachable).toEqual([]);

    // Nothing privileged happened: no write to storage, no reload, no request of the extension's.
    expect(await browser.inExtension(storageChanges)).toEqual([]);
    expect(await browser.inExtension(storedState)).toEqual(before);
    expect(lab.requests({ run })).toHaveLength(1);
    expect(await page.evaluate<string>('performance.getEntriesByType("navigation")[0].type')).toBe(
      'navigate',
    );
    expect((await browser.toolbar(tabId)).text).toBe('502');
    // The real panel is still up: the forged script-started events did not take it down.
    expect(await panelControls(browser, tabId)).toContain('Try again');
    // None of the extension's pages runs in the page's frames.
    const framed = await browser.inExtension(
      async (api: ExtensionApi, id: number) =>
        ((await api.runtime.getContexts({})) as { tabId: number; documentUrl?: string }[])
          .filter((context) => context.tabId === id)
          .map((context) => context.documentUrl),
      tabId,
    );
    expect(framed).toEqual([]);
    await page.close();
  });
});
