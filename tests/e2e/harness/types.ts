/** What a spec needs from a browser, whichever one it is. */
export type BrowserName = 'chromium' | 'firefox';
export type ColorScheme = 'light' | 'dark';

export interface TestPage {
  /** Navigates and waits for the load to finish; an error page (Chrome's for an empty 5xx body) is a finished load. */
  goto(url: string): Promise<void>;
  /** Evaluates an expression or a function's source in the page and returns its JSON-able result. */
  evaluate<T>(fn: string | ((arg: never) => T | Promise<T>), arg?: unknown): Promise<T>;
  url(): Promise<string>;
  /** Answers `prefers-color-scheme` with this scheme for this page, across its later navigations. */
  emulateColorScheme(scheme: ColorScheme): Promise<void>;
  /** A real click at these viewport coordinates, as the visitor's own mouse makes it (it counts as a user gesture). */
  clickAt(x: number, y: number): Promise<void>;
  /** A PNG of the viewport, or of the first element matching `selector`. */
  screenshot(path: string, selector?: string): Promise<void>;
  close(): Promise<void>;
}

export interface Toolbar {
  readonly text: string;
  readonly title: string;
}

/** How a spec wants its browser started; every option's default keeps the browser as every other spec has it. */
export interface LaunchOptions {
  /**
   * Host names that resolve to 127.0.0.1, so the lab can be reached by real-looking names (a site, its `status.`
   * subdomain, a sibling). Chromium: --host-resolver-rules; Firefox: the pref network.dns.localDomains.
   */
  readonly loopbackHosts?: readonly string[];
  /** Sends every request of the browser through this HTTP proxy (`127.0.0.1:<port>`), loopback included. */
  readonly proxy?: string;
  /** Loads the extension from this folder instead of the build: a copy the spec may update (`updateExtension`). */
  readonly extensionDir?: string;
  /**
   * A profile folder the caller owns and keeps, so that it can close the browser and launch it again on the same
   * profile (a restart). Firefox then installs the extension for good, not as a temporary add-on, which a restart
   * would remove: a proxy file in the profile points at the extension's folder, and unsigned add-ons are allowed.
   */
  readonly profileDir?: string;
}

/** A canned answer for requests the extension makes, given inside the browser so that they never leave it. */
export interface CannedAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** A browser launched without the extension: the benchmark's baseline, loading the same pages side by side. */
export interface PlainBrowser {
  readonly name: BrowserName;
  newPage(): Promise<TestPage>;
  close(): Promise<void>;
}

/**
 * Counts the extension's script executions in web pages, from the moment it was started: every content script or
 * `executeScript` would be counted, so a count of 0 means none ran.
 */
export interface InjectionWatch {
  count(): Promise<number>;
  stop(): Promise<void>;
}

export interface Harness {
  readonly name: BrowserName;
  /** The extension's own origin: `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  readonly extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /** Opens one of the extension's pages (`popup.html?tabId=3`) in a tab of its own. */
  openExtensionPage(path: string): Promise<TestPage>;
  /**
   * Runs a function with the extension's privileges (the service worker in Chromium, an extension page in Firefox).
   * It gets `api` (the `browser`/`chrome` namespace) and `arg`, and must be self-contained.
   */
  inExtension<T, A = undefined>(
    fn: (api: ExtensionApi, arg: A) => T | Promise<T>,
    arg?: A,
  ): Promise<T>;
  /** The id of the tab showing this URL (fragment ignored), polled until it appears. */
  tabIdOf(url: string): Promise<number>;
  toolbar(tabId: number): Promise<Toolbar>;
  /**
   * Chromium only (Playwright routes a service worker's requests; Firefox's event page is out of WebDriver BiDi's
   * reach): answers the requests matching `urlGlob` with `answer`, inside the browser. Resolves to the URLs answered
   * so far, as a function.
   */
  answerRequests?(urlGlob: string, answer: CannedAnswer): Promise<() => string[]>;
  /** Stops the background for real (the service worker in Chromium, the event page in Firefox), as when idle. */
  stopBackground(): Promise<void>;
  /**
   * Starts counting the extension's script executions in the tabs open now (Chromium: the DevTools protocol's
   * execution contexts in the extension's isolated world; Firefox: its extension activity log).
   */
  watchInjections(): Promise<InjectionWatch>;
  /**
   * Installs the extension again from its folder, which the caller has changed meanwhile (a higher version), as the
   * browser applies an update: Chromium reloads the unpacked extension, Firefox reinstalls the temporary add-on.
   * Extension pages opened before are closed by the browser; `inExtension` goes on working.
   */
  updateExtension(): Promise<void>;
  close(): Promise<void>;
}

/** The subset of the WebExtension API tests call, typed loosely: tests read results, they do not rely on the shapes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ExtensionApi = any;

/**
 * The expression that calls `fn` with the extension's API namespace. An expression, not a function: extension pages
 * forbid eval, but the DevTools and WebDriver BiDi protocols evaluate expressions outside the page's CSP.
 */
export function extensionCall(
  fn: (api: ExtensionApi, arg: never) => unknown,
  arg: unknown,
): string {
  // `__name`: the helper esbuild's keep-names transform (tsx, vitest) calls inside compiled functions.
  return `((__name) => (${fn.toString()})(globalThis.browser ?? globalThis.chrome, ${JSON.stringify(arg ?? null)}))((f) => f)`;
}
