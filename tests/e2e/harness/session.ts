import { afterAll, beforeAll } from 'vitest';
import { startLab, type Lab } from '../../lab/server';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { startRecordingProxy, type RecordingProxy } from './proxy';
import type { BrowserName, Harness, LaunchOptions, TestPage } from './types';

export function launch(name: BrowserName, options: LaunchOptions = {}): Promise<Harness> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

export interface BrowserSession {
  readonly browser: Harness;
  readonly lab: Lab;
  /** The proxy all of the browser's traffic goes through, with `{ withProxy: true }`. */
  readonly proxy: RecordingProxy;
  /**
   * A lab URL with a `?run=` token of its own: no other test shares its tab or its failure count. `host`, one of
   * the session's loopback hosts, addresses the lab by that name instead of 127.0.0.1.
   */
  fresh(path: string, host?: string): string;
  /** Opens a fresh lab URL in a new tab, and finds the tab's id. */
  open(path: string): Promise<{ page: TestPage; url: string; tabId: number }>;
}

/**
 * One browser with the built extension and one gateway lab for the enclosing describe block: started before its
 * tests, closed after them.
 */
export function browserSession(
  name: BrowserName,
  {
    withLab = true,
    withProxy = false,
    ...launchOptions
  }: Omit<LaunchOptions, 'proxy'> & { withLab?: boolean; withProxy?: boolean } = {},
): BrowserSession {
  let browser: Harness | undefined;
  let lab: Lab | undefined;
  let proxy: RecordingProxy | undefined;
  let run = 0;
  beforeAll(async () => {
    if (withLab) lab = await startLab();
    if (withProxy && lab) proxy = await startRecordingProxy(lab.origin);
    browser = await launch(name, { ...launchOptions, proxy: proxy?.address });
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await lab?.close();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`The ${what} is not started: use the session inside a test`);
    return value;
  };
  const session: BrowserSession = {
    get browser() {
      return started(browser, 'browser');
    },
    get lab() {
      return started(lab, 'gateway lab');
    },
    get proxy() {
      return started(proxy, 'recording proxy');
    },
    fresh(path, host) {
      const url = session.lab.url(`${path}${path.includes('?') ? '&' : '?'}run=${name}-${++run}`);
      if (!host) return url;
      const named = new URL(url);
      named.hostname = host;
      return named.href;
    },
    async open(path) {
      const url = session.fresh(path);
      const page = await session.browser.newPage();
      await page.goto(url);
      return { page, url, tabId: await session.browser.tabIdOf(url) };
    },
  };
  return session;
}
