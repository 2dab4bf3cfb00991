import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page, type Worker } from 'playwright-core';
import { browserExecutable, builtExtension } from './paths';
import { closeTab, pollUntil, withinTime } from './poll';
import {
  extensionCall,
  type ExtensionApi,
  type Harness,
  type LaunchOptions,
  type PlainBrowser,
  type TestPage,
} from './types';

/**
 * Debian Chromium with the built extension, through Playwright's persistent context (the only way Chromium loads an
 * unpacked extension). Flags from shared/docs/browser-facts.md: no sandbox as root, and no background networking so
 * the browser talks to nothing but the lab.
 */
const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');

/** The extension page the harness keeps open to run privileged code in. */
export const PRIVILEGED_PAGE = 'popup.html?tabId=-1';

export interface ChromiumLaunchOptions extends LaunchOptions {
  readonly headless?: boolean;
  /** false: the same browser and flags without Gateway Doctor, the benchmark's baseline. */
  readonly extension?: boolean;
  /** With `extension: false`, an unpacked extension to load instead (the benchmark's reference extension). */
  readonly otherExtension?: string;
  /** With `profileDir`: opens again the tabs the last launch on the profile had open, as "Continue where you left off". */
  readonly restoreSession?: boolean;
}

export function launchChromium(
  options?: ChromiumLaunchOptions & { extension?: true },
): Promise<Harness>;
export function launchChromium(
  options: ChromiumLaunchOptions & { extension: false },
): Promise<PlainBrowser>;
export async function launchChromium({
  headless = true,
  extension = true,
  otherExtension,
  loopbackHosts = [],
  ...options
}: ChromiumLaunchOptions = {}): Promise<Harness | PlainBrowser> {
  const extensionDir = extension
    ? (options.extensionDir ?? builtExtension('chromium'))
    : otherExtension;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'gd-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserExecutable('chromium'),
    headless,
    ignoreDefaultArgs: [
      '--disable-extensions',
      '--disable-component-extensions-with-background-pages',
    ],
    args: [
      ...(extensionDir
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.restoreSession ? ['--restore-last-session'] : []),
      ...(loopbackHosts.length > 0
        ? [
            `--host-resolver-rules=${loopbackHosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`,
          ]
        : []),
      // `<-loopback>` takes back the implicit bypass of 127.0.0.1, so the lab's traffic goes through the proxy too.
      ...(options.proxy
        ? [`--proxy-server=http://${options.proxy}`, '--proxy-bypass-list=<-loopback>']
        : []),
      // For DevTools' Extensions.loadUnpacked, which updates the extension in place (updateExtension).
      ...(options.extensionDir ? ['--enable-unsafe-extension-debugging'] : []),
    ],
    viewport: { width: 1280, height: 800 },
  });
  const close = async () => {
    await context.close();
    if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
  };
  if (!extension)
    return { name: 'chromium', newPage: async () => wrap(await context.newPage()), close };

  // A worker that Chromium stops and restarts keeps its Worker object; an update of the extension brings a new one:
  // always talk to the latest.
  let worker: Worker | undefined = context.serviceWorkers().find(isOurs);
  const track = (w: Worker) => {
    if (!isOurs(w)) return;
    worker = w;
    w.on('close', () => {
      if (worker === w) worker = undefined;
    });
  };
  if (worker) track(worker);
  context.on('serviceworker', track);
  worker ??= await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 10_000 });
  // URL.origin is 'null' for non-web schemes: cut it out of the worker's URL instead.
  const origin = /^chrome-extension:\/\/[^/]+/.exec(worker.url())?.[0] ?? '';

  // The worker announces itself before background.js has added its listeners: wait for them, or the first
  // navigation is missed (browser-facts.md, "Race").
  const listening = () =>
    pollUntil('the background to register its listeners', async () =>
      worker?.evaluate(
        extensionCall(
          (api: ExtensionApi) => api.webRequest.onCompleted.hasListeners() || undefined,
          null,
        ),
      ),
    );
  await listening();

  function wrap(page: Page): TestPage {
    return {
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
      emulateColorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
      clickAt: (x, y) => page.mouse.click(x, y),
      screenshot: async (path, selector) => {
        await (selector ? page.locator(selector).screenshot({ path }) : page.screenshot({ path }));
      },
      close: () => closeTab(() => page.close()),
    };
  }

  const devTools = () => {
    const browserHandle = context.browser();
    if (!browserHandle)
      throw new Error('No browser behind the persistent context to open a DevTools session on');
    return browserHandle.newBrowserCDPSession();
  };

  const openExtensionPage = async (path: string) => {
    const page = wrap(await context.newPage());
    await page.goto(`${origin}/${path}`);
    return page;
  };
  // An extension page, not the worker, runs `inExtension`: it keeps working while the worker is stopped.
  let privileged = await openExtensionPage(PRIVILEGED_PAGE);
  const live = () => {
    if (!worker) throw new Error("The extension's service worker is gone");
    return worker;
  };
  let stops = 0;
  const inExtension: Harness['inExtension'] = (fn, arg) =>
    withinTime('A call into the extension', privileged.evaluate(extensionCall(fn, arg)));

  return {
    name: 'chromium',
    extensionOrigin: origin,
    newPage: async () => wrap(await context.newPage()),
    openExtensionPage,
    inExtension,
    async stopBackground() {
      // DevTools' Target.closeTarget stops the worker as Chromium does when it is idle; the next event restarts it.
      // A restarted worker comes back under the same target (and the same Playwright Worker), so an event already on
      // its way (a page still loading) can bring it back before a poll sees the target gone: a mark left in the old
      // worker's globals tells the two apart.
      const cdp = await devTools();
      const { targetInfos } = await cdp.send('Target.getTargets');
      const target = targetInfos.find(
        (t) => t.type === 'service_worker' && t.url.startsWith(origin),
      );
      if (!target) {
        // Already stopped, as Chromium does on its own after 30 s idle.
        await cdp.detach();
        return;
      }
      const mark = `gatewayDoctorStop${++stops}`;
      await withinTime(
        'Marking the service worker',
        live().evaluate((name) => {
          (globalThis as Record<string, unknown>)[name] = true;
        }, mark),
      );
      await cdp.send('Target.closeTarget', { targetId: target.targetId });
      await pollUntil('the service worker to stop', async () => {
        const { targetInfos: now } = await cdp.send('Target.getTargets');
        if (!now.some((t) => t.targetId === target.targetId)) return true;
        const marked = await withinTime(
          'Reading the mark of the worker',
          live().evaluate((name) => (globalThis as Record<string, unknown>)[name] === true, mark),
          2_000,
        );
        return marked ? undefined : true;
      });
      await cdp.detach();
    },
    async updateExtension() {
      if (!options.extensionDir) throw new Error('updateExtension needs the extensionDir option');
      const before = worker;
      // Loading the same folder again replaces the extension in place, keeping its id, as an update does (the
      // extension's own runtime.reload() leaves one loaded from the command line unloaded).
      const cdp = await devTools();
      await cdp.send('Extensions.loadUnpacked', { path: options.extensionDir });
      await cdp.detach();
      await pollUntil('the updated extension to start', () =>
        worker && worker !== before ? worker : undefined,
      );
      await listening();
      privileged = await openExtensionPage(PRIVILEGED_PAGE);
    },
    tabIdOf: (url) => tabIdOf(inExtension, url),
    toolbar: (tabId) => toolbar(inExtension, tabId),
    async answerRequests(urlGlob, answer) {
      const answered: string[] = [];
      await context.route(urlGlob, (route) => {
        answered.push(route.request().url());
        return route.fulfill({
          status: answer.status,
          contentType: answer.contentType,
          body: answer.body,
        });
      });
      return () => [...answered];
    },
    async watchInjections() {
      // Every script the extension runs in a page runs in its isolated world, one execution context per document.
      // Playwright's own utility world is isolated too, and has the extension's origin in the harness's own pages.
      const created = new Set<string>();
      const webPages = context.pages().filter((page) => !page.url().startsWith(origin));
      const sessions = await Promise.all(
        webPages.map(async (page) => {
          const cdp = await context.newCDPSession(page);
          cdp.on('Runtime.executionContextCreated', ({ context: world }) => {
            const auxData = world.auxData as { type?: string } | undefined;
            const ours = world.origin === origin && !world.name.startsWith('__playwright');
            if (auxData?.type === 'isolated' && ours) created.add(world.uniqueId);
          });
          await cdp.send('Runtime.enable');
          return cdp;
        }),
      );
      return {
        count: async () => created.size,
        async stop() {
          await Promise.all(sessions.map((cdp) => cdp.detach().catch(() => undefined)));
        },
      };
    },
    close,
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
