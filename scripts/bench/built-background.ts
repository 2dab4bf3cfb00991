/**
 * Runs the built background script (.output/chrome-mv3/background.js, byte for byte what ships) in this Node process
 * against an in-memory browser, so the benchmark can call the very listeners it registers. WXT's fake browser keeps
 * storage.session and storage.local in memory (copying values as JSON, as the real ones do), and the tabs' events
 * and the toolbar; what it lacks is faked here: webRequest keeps the listeners it is given, tabs.get answers from a
 * table the caller fills, scripting answers as a page would (an injected panel sends the page's markers, as the real
 * one does once it runs), host access is granted, i18n returns message names. importScripts runs a script of the
 * same build, as Chrome's service worker does with the diagnosis engine at the first failure.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageMarkers } from '../../lib/diagnosis/types';
import { BUILDS } from '../../tests/e2e/harness/paths';

export interface FakeTab {
  readonly id: number;
  url: string;
  status: 'loading' | 'complete';
}

/** A webRequest details object, as loosely typed as the browser hands it over. */
export type RequestDetails = Record<string, unknown>;
export type RequestListener = (details: RequestDetails) => void;

export interface BuiltBackground {
  /** The background's webRequest.onCompleted listener. */
  readonly onCompleted: RequestListener;
  /** Tells the background a tab finished loading, as tabs.onUpdated does. */
  readonly tabCompleted: (tabId: number) => Promise<void>;
  /** The tabs tabs.get answers from. */
  readonly tabs: Map<number, FakeTab>;
  /** What a script reads from a tab's page (its title and text): the background's reading, or the panel's. */
  readonly pages: Map<number, PageMarkers>;
  /** Calls to scripting.executeScript that injected a file (the panel). */
  readonly injections: () => number;
  readonly storage: typeof fakeBrowser.storage;
  readonly action: typeof fakeBrowser.action;
}

export const BUILT_BACKGROUND = join(BUILDS.chromium, 'background.js');

/** Resolves once every promise chain the calls so far started has settled (the fakes never wait on a timer). */
export const drain = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Resolves once the writes of failing API calls have been made too: the background holds them back for a quarter of a
 * second (PART_BATCH_MS in entrypoints/background/detect.ts), so that a flood shares a few writes.
 */
export const drainBatches = async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await drain();
};

/** Loads the built background once per process: it registers its listeners on the one global browser. */
export function loadBuiltBackground(file = BUILT_BACKGROUND): BuiltBackground {
  const onCompleted: RequestListener[] = [];
  const tabs = new Map<number, FakeTab>();
  const pages = new Map<number, PageMarkers>();
  let injections = 0;
  const keep = (list: RequestListener[]) => ({
    addListener: (listener: RequestListener) => void list.push(listener),
    removeListener: () => undefined,
    hasListener: () => list.length > 0,
  });
  const tabOf = (tabId: number) => {
    const tab = tabs.get(tabId);
    if (!tab) throw new Error(`No tab with id: ${tabId}.`);
    return { ...tab, incognito: false, active: false, index: 0, windowId: 1 };
  };
  const browser = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  Object.assign(browser, {
    webRequest: {
      onCompleted: keep(onCompleted),
      onHeadersReceived: keep([]),
      onErrorOccurred: keep([]),
    },
    scripting: {
      async executeScript({ target, files }: { target: { tabId: number }; files?: string[] }) {
        if (files) {
          injections += 1;
          // The panel, once running, sends what it read of the page.
          const sender = {
            id: fakeBrowser.runtime.id,
            url: tabOf(target.tabId).url,
            tab: { id: target.tabId },
            frameId: 0,
          };
          const opened = {
            type: 'panelOpened',
            data: { markers: pages.get(target.tabId) ?? null },
          };
          void Promise.resolve().then(() =>
            fakeBrowser.runtime.onMessage.trigger(opened, sender as never, () => undefined),
          );
          return [{ frameId: 0, result: undefined }];
        }
        return [{ frameId: 0, result: pages.get(target.tabId) ?? { title: '', text: '' } }];
      },
    },
    permissions: {
      contains: async () => true,
      onAdded: keep([]),
      onRemoved: keep([]),
    },
    i18n: {
      getMessage: (key: string) => key,
      getUILanguage: () => 'en',
    },
  });
  Object.assign(fakeBrowser.tabs, {
    onReplaced: keep([]),
    get: async (tabId: number) => tabOf(tabId),
    update: async (tabId: number, change: { url?: string }) => {
      const tab = tabs.get(tabId);
      if (tab && change.url) tab.url = change.url;
      return tabOf(tabId);
    },
  });
  const importScripts = (url: string) => {
    const script = join(dirname(file), new URL(url).pathname);
    runInThisContext(readFileSync(script, 'utf8'), { filename: script });
  };
  // A service worker's global; its install event never comes here, as the worker is taken as installed.
  const addEventListener = () => undefined;
  Object.assign(globalThis, {
    browser: fakeBrowser,
    chrome: fakeBrowser,
    importScripts,
    addEventListener,
  });

  runInThisContext(readFileSync(file, 'utf8'), { filename: file });
  const listener = onCompleted[0];
  if (!listener) throw new Error(`${file} added no webRequest.onCompleted listener`);
  return {
    onCompleted: listener,
    async tabCompleted(tabId) {
      await fakeBrowser.tabs.onUpdated.trigger(
        tabId,
        { status: 'complete' },
        tabOf(tabId) as never,
      );
    },
    tabs,
    pages,
    injections: () => injections,
    storage: fakeBrowser.storage,
    action: fakeBrowser.action,
  };
}

/** The bytes an area's contents take as JSON, key and value, which is how Chrome counts them against its quota. */
export async function storedBytes(area: { get(keys: null): Promise<Record<string, unknown>> }) {
  const all = await area.get(null);
  return Object.entries(all).reduce(
    (sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value)),
    0,
  );
}
