import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../wxt.config';
import { PRIVILEGED_PAGE, tabIdOf, toolbar } from './chromium';
import { browserExecutable, builtExtension } from './paths';
import { closeTab, pollUntil, withinTime } from './poll';
import {
  extensionCall,
  type ColorScheme,
  type Harness,
  type LaunchOptions,
  type PlainBrowser,
  type TestPage,
} from './types';

/** Fixed so the extension's origin is known before it is installed (pref extensions.webextensions.uuids). */
const EXTENSION_UUID = '5c3e9d1a-7f2b-4c8e-9a6d-1b2c3d4e5f60';

/**
 * Firefox ESR through puppeteer-core over WebDriver BiDi, the extension installed as a temporary add-on. Traps from
 * shared/docs/browser-facts.md: moz-extension pages need --remote-allow-system-access and their goto never resolves;
 * a second page.goto in a tab makes webRequest report tabId -1, so later navigations go through location.href.
 */
export interface FirefoxLaunchOptions extends LaunchOptions {
  /** false: the same browser and prefs without Gateway Doctor, the benchmark's baseline. */
  readonly extension?: boolean;
  /** With `extension: false`, an extension folder to install instead (the benchmark's reference extension). */
  readonly otherExtension?: string;
}

export function launchFirefox(
  options?: FirefoxLaunchOptions & { extension?: true },
): Promise<Harness>;
export function launchFirefox(
  options: FirefoxLaunchOptions & { extension: false },
): Promise<PlainBrowser>;
export async function launchFirefox({
  extension = true,
  otherExtension,
  loopbackHosts = [],
  ...options
}: FirefoxLaunchOptions = {}): Promise<Harness | PlainBrowser> {
  const extensionDir = extension ? (options.extensionDir ?? builtExtension('firefox')) : undefined;
  // A proxy file in the profile's extensions folder, named by the add-on's id and holding its folder's absolute path,
  // installs the add-on for good: it survives a restart, as a temporary add-on does not (measured on Firefox ESR).
  const installedInProfile = Boolean(extensionDir && options.profileDir);
  if (extensionDir && options.profileDir) {
    mkdirSync(join(options.profileDir, 'extensions'), { recursive: true });
    writeFileSync(join(options.profileDir, 'extensions', GECKO_ID), resolve(extensionDir));
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserExecutable('firefox'),
    headless: true,
    args: ['--remote-allow-system-access'],
    // Nothing here uses puppeteer's requests and responses, and watching them is not free: Firefox's remote agent
    // follows every request in the parent process, and the extension's webRequest events then came tens of
    // milliseconds late (onHeadersReceived after the page's load in 10 of 27 loads, without it in 2 to 6).
    networkEnabled: false,
    ...(options.profileDir && { userDataDir: options.profileDir }),
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      ...proxyPrefs(options.proxy),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Nothing but the lab: no captive-portal or connectivity probes, no telemetry, no update checks.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'toolkit.telemetry.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      // Headless Firefox has no system notification service: its alert closes at once, and notifications.getAll
      // finds nothing. Firefox's own alert window stays open, as a notification does for a real user.
      'alerts.useSystemBackend': false,
      // Optional permissions (browsingData, notifications) are asked for with a prompt that WebDriver BiDi cannot
      // answer. With this pref Firefox grants what an extension page asks for from a user's click, as a user who
      // answers Allow; a request made outside a click is still refused.
      'extensions.webextOptionalPermissionPrompts': false,
      ...(loopbackHosts.length > 0 && { 'network.dns.localDomains': loopbackHosts.join(',') }),
      // The profile's own add-on (profileDir) is unsigned and was not installed by the user: enable it as it is.
      ...(installedInProfile && {
        'xpinstall.signatures.required': false,
        'extensions.autoDisableScopes': 0,
        'extensions.enabledScopes': 15,
      }),
    },
  });
  if (!extensionDir) {
    if (otherExtension) await browser.installExtension(otherExtension);
    return {
      name: 'firefox',
      newPage: async () => wrap(await browser.newPage()),
      close: () => browser.close(),
    };
  }
  if (!installedInProfile) await browser.installExtension(extensionDir);
  const origin = `moz-extension://${EXTENSION_UUID}`;
  let injectionWatches = 0;

  function wrap(page: Page): TestPage {
    let navigated = false;
    let colorScheme: ColorScheme | undefined;
    // BiDi has no colour-scheme emulation and puppeteer's goes through CDP, which Firefox lacks. DevTools' simulation
    // sets the tab's prefersColorSchemeOverride, reached here through the privileged chrome scope. A navigation can
    // replace the tab's browsing context and drop it, so goto sets it again.
    const applyColorScheme = async () => {
      if (!colorScheme) return;
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      await chromeScope(
        `ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs')` +
          `.NavigableManager.getBrowsingContextById(${JSON.stringify(context)})` +
          `.prefersColorSchemeOverride = ${JSON.stringify(colorScheme)}`,
      );
    };
    return {
      async goto(url) {
        if (url.startsWith('moz-extension:')) {
          // The navigation happens but the promise never settles: start it, then watch the page arrive.
          page.goto(url, { timeout: 15_000 }).catch(() => {});
          await pollUntil(`${url} to load`, () =>
            page
              .evaluate(
                'location.href === ' +
                  JSON.stringify(url) +
                  ' && document.readyState === "complete"',
              )
              .then((done) => done || undefined),
          );
        } else if (!navigated) {
          await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
        } else {
          await Promise.all([
            page.waitForNavigation({ waitUntil: 'load', timeout: 15_000 }),
            page.evaluate((target: string) => void (location.href = target), url),
          ]);
        }
        navigated = true;
        await applyColorScheme();
      },
      evaluate: (fn, arg) =>
        (typeof fn === 'string' ? page.evaluate(fn) : page.evaluate(fn as never, arg)) as never,
      url: async () => page.url(),
      clickAt: (x, y) => page.mouse.click(x, y),
      async emulateColorScheme(scheme) {
        colorScheme = scheme;
        await applyColorScheme();
      },
      screenshot: async (path, selector) => {
        const target = selector ? await page.waitForSelector(selector, { timeout: 5_000 }) : page;
        await target?.screenshot({ path });
      },
      close: () => closeTab(() => page.close()),
    };
  }

  const openExtensionPage = async (path: string) => {
    const page = wrap(await browser.newPage());
    await page.goto(`${origin}/${path}`);
    return page;
  };

  // A privileged page to run `inExtension` in, opened once (and again after an update closed it).
  let privileged = await openExtensionPage(PRIVILEGED_PAGE);
  const inExtension: Harness['inExtension'] = (fn, arg) =>
    withinTime('A call into the extension', privileged.evaluate(extensionCall(fn, arg)));

  // The event page adds its listeners synchronously when its script runs, so a loaded background page is ready.
  const listening = () =>
    pollUntil('the background page to load', () =>
      privileged.evaluate(
        'browser.runtime.getBackgroundPage().then((page) => page?.document.readyState === "complete" || undefined)',
      ),
    );
  await listening();

  return {
    name: 'firefox',
    extensionOrigin: origin,
    newPage: async () => wrap(await browser.newPage()),
    openExtensionPage,
    inExtension,
    tabIdOf: (url) => tabIdOf(inExtension, url),
    toolbar: (tabId) => toolbar(inExtension, tabId),
    async stopBackground() {
      // What about:debugging's "Terminate background script" does, reached through BiDi's privileged chrome scope
      // (allowed by --remote-allow-system-access).
      const policy = `WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension`;
      // While an event is still being delivered to the background, terminateBackground returns without stopping it
      // (as an idle stop is postponed then; see ext-backgroundPage.js): ask again until it has stopped.
      await pollUntil('the event page to stop', async () => {
        const state = await chromeScope(`${policy}.backgroundState`);
        if (state === 'running')
          await chromeScope(`${policy}.terminateBackground().then(() => true)`);
        return state === 'stopped' ? true : undefined;
      });
    },
    async watchInjections() {
      // Firefox's extension activity log (what the activityLog API reads) records every content script it injects,
      // and every call that injects one, whichever process runs the page.
      // https://searchfox.org/mozilla-central/source/toolkit/components/extensions/ExtensionActivityLog.sys.mjs
      const watch = `globalThis.gatewayDoctorInjectionWatches[${++injectionWatches}]`;
      await chromeScope(
        `(() => {
          const { ExtensionActivityLog } = ChromeUtils.importESModule('resource://gre/modules/ExtensionActivityLog.sys.mjs');
          const seen = [];
          const listener = (entry) => {
            if (entry.type === 'content_script' || (entry.type === 'api_call' && /^(scripting|tabs)\\.(executeScript|insertCSS)$/.test(entry.name)))
              seen.push(entry.name);
          };
          ExtensionActivityLog.addListener(${JSON.stringify(GECKO_ID)}, listener);
          globalThis.gatewayDoctorInjectionWatches ??= {};
          ${watch} = { seen, stop: () => ExtensionActivityLog.removeListener(${JSON.stringify(GECKO_ID)}, listener) };
          return true;
        })()`,
      );
      return {
        count: async () => Number(await chromeScope(`${watch}.seen.length`)),
        async stop() {
          await chromeScope(`(${watch}.stop(), true)`);
        },
      };
    },
    async updateExtension() {
      await browser.installExtension(extensionDir);
      privileged = await openExtensionPage(PRIVILEGED_PAGE);
      await listening();
    },
    close: () => browser.close(),
  };

  async function chromeScope(expression: string): Promise<unknown> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- puppeteer does not type raw BiDi commands
    const connection = (browser as any).connection;
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = tree.result.contexts[0].context;
    const { result } = await connection.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    });
    if (result.type !== 'success') throw new Error(`chrome scope: ${JSON.stringify(result)}`);
    return result.result.value;
  }
}

/** Firefox's proxy settings for an HTTP proxy at `host:port`, loopback included, or none. */
function proxyPrefs(proxy: string | undefined): Record<string, unknown> {
  if (!proxy) return {};
  const [host, port] = proxy.split(':');
  return {
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.no_proxies_on': '',
    // Without it Firefox sends 127.0.0.1 and localhost past any proxy.
    'network.proxy.allow_hijacking_localhost': true,
  };
}
