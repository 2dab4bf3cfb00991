import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page, type Worker } from 'playwright-core';
import { browserExecutable, builtExtension } from './paths';
import { pollUntil } from './poll';
import { extensionCall, type ExtensionApi, type Harness, type TestPage } from './types';

/**
 * Debian Chromium with the built extension, through Playwright's persistent context (the only way Chromium loads an
 * unpacked extension). Flags from shared/docs/browser-facts.md: no sandbox as root, and no background networking so
 * the browser talks to nothing but the lab.
 */
export async function launchChromium({ headless = true } = {}): Promise<Harness> {
  const extensionDir = builtExtension('chromium');
  const profile = mkdtempSync(join(tmpdir(), 'gd-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserExecutable('chromium'),
    headless,
    ignoreDefaultArgs: [
      '--disable-extensions',
      '--disable-component-extensions-with-background-pages',
    ],
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1280, height: 800 },
  });

  const worker = async (): Promise<Worker> =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 10_000 }));

  // URL.origin is 'null' for non-web schemes: cut it out of the worker's URL instead.
  const origin = /^chrome-extension:\/\/[^/]+/.exec((await worker()).url())?.[0] ?? '';

  const inExtension: Harness['inExtension'] = async (fn, arg) =>
    (await worker()).evaluate(extensionCall(fn, arg)) as never;

  // The worker announces itself before background.js has added its listeners: wait for them, or the first
  // navigation is missed (browser-facts.md, "Race").
  await pollUntil('the background to register its listeners', () =>
    inExtension((api: ExtensionApi) => api.webRequest.onCompleted.hasListeners() || undefined),
  );

  const wrap = (page: Page): TestPage => ({
    async goto(url) {
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
      } catch (error) {
        // A 5xx with an empty body: Chrome shows its own error page and Playwright reports the navigation as failed.
        if (!String(error).includes('ERR_HTTP_RESPONSE_CODE_FAILURE')) throw error;
      }
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    url: async () => page.url(),
    screenshot: async (path, selector) => {
      await (selector ? page.locator(selector).screenshot({ path }) : page.screenshot({ path }));
    },
    close: () => page.close(),
  });

  return {
    name: 'chromium',
    extensionOrigin: origin,
    newPage: async () => wrap(await context.newPage()),
    async openExtensionPage(path) {
      const page = wrap(await context.newPage());
      await page.goto(`${origin}/${path}`);
      return page;
    },
    inExtension,
    tabIdOf: (url) => tabIdOf(inExtension, url),
    toolbar: (tabId) => toolbar(inExtension, tabId),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function tabIdOf(inExtension: Harness['inExtension'], url: string): Promise<number> {
  return pollUntil(`a tab showing ${url}`, () =>
    inExtension(async (api: ExtensionApi, wanted: string) => {
      const strip = (u: string) => u.split('#')[0];
      const tabs: { id: number; url?: string }[] = await api.tabs.query({});
      return tabs.find((tab) => tab.url !== undefined && strip(tab.url) === strip(wanted))?.id;
    }, url),
  );
}

export async function toolbar(inExtension: Harness['inExtension'], tabId: number) {
  return inExtension(
    async (api: ExtensionApi, id: number) => ({
      text: await api.action.getBadgeText({ tabId: id }),
      title: await api.action.getTitle({ tabId: id }),
    }),
    tabId,
  );
}
