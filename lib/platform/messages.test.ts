import { describe, expect, it, vi } from 'vitest';
import { classifySender, serveMessages, targetTab, type Handlers } from './messages';

const ID = 'gateway-doctor-id';
const ORIGIN = 'chrome-extension://gateway-doctor-id/';
const tab = (id: number) =>
  ({ id, index: 0, highlighted: false, active: true, pinned: false, incognito: false }) as never;

describe('classifySender', () => {
  it('recognises the extension’s own pages, with or without a tab', () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toEqual({
      kind: 'extension-page',
      tabId: undefined,
    });
    expect(
      classifySender({ id: ID, url: `${ORIGIN}explain.html`, tab: tab(4) }, ID, ORIGIN),
    ).toEqual({
      kind: 'extension-page',
      tabId: 4,
    });
  });

  it('recognises its content script in a tab’s top frame and takes the tab from the sender', () => {
    expect(
      classifySender({ id: ID, url: 'https://shop.example/', tab: tab(9), frameId: 0 }, ID, ORIGIN),
    ).toEqual({
      kind: 'content-script',
      tabId: 9,
    });
  });

  it('refuses other extensions, sub frames and senders with no tab', () => {
    expect(classifySender({ id: 'other', url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBeUndefined();
    expect(
      classifySender({ id: ID, url: 'https://ads.example/', tab: tab(9), frameId: 3 }, ID, ORIGIN),
    ).toBeUndefined();
    expect(
      classifySender({ id: ID, url: 'https://shop.example/', frameId: 0 }, ID, ORIGIN),
    ).toBeUndefined();
    expect(
      classifySender({ id: ID, url: 'data:text/html,x', tab: tab(9), frameId: 0 }, ID, ORIGIN),
    ).toBeUndefined();
  });
});

describe('serveMessages', () => {
  function serve() {
    let listener: (message: unknown, sender: object) => unknown = () => undefined;
    const runtime = {
      id: ID,
      getURL: (path: string) => `chrome-extension://${ID}${path}`,
      onMessage: { addListener: (fn: typeof listener) => (listener = fn) },
    };
    const handlers = {
      tabReport: vi.fn(async () => null),
      panelOpened: vi.fn(async () => null),
      reloadTab: vi.fn(async () => {}),
      ignoreSite: vi.fn(async () => {}),
      retry: vi.fn(async () => ({ outcome: 'nothing-to-retry' as const })),
      compareSessions: vi.fn(async () => ({ outcome: 'nothing-to-retry' as const })),
      clearSiteData: vi.fn(async () => ({ outcome: 'nothing-to-clear' as const })),
      lookUpAddress: vi.fn(async () => ({ outcome: 'nothing-to-look-up' as const })),
      statusPage: vi.fn(async () => ({ outcome: 'no-domain' as const })),
      archiveLookup: vi.fn(async () => ({ outcome: 'nothing-to-look-up' as const })),
      watch: vi.fn(async () => ({ kind: 'idle' as const, fromForm: false })),
      unwatch: vi.fn(async () => ({ kind: 'idle' as const, fromForm: false })),
      watchStatus: vi.fn(async () => ({ kind: 'idle' as const, fromForm: false })),
      unwatchById: vi.fn(async () => true),
    } satisfies Handlers;
    serveMessages(handlers, runtime as never);
    return { handlers, deliver: (message: unknown, sender: object) => listener(message, sender) };
  }

  it('routes an allowed verb to its handler with the checked sender', async () => {
    const { handlers, deliver } = serve();
    await deliver(
      { type: 'panelOpened', data: { markers: null } },
      { id: ID, url: 'https://a.example/', tab: tab(5), frameId: 0 },
    );
    expect(handlers.panelOpened).toHaveBeenCalledWith(
      { markers: null },
      { kind: 'content-script', tabId: 5 },
    );
  });

  it('ignores a verb sent by a kind of sender not allowed to send it', () => {
    const { handlers, deliver } = serve();
    const fromContentScript = { id: ID, url: 'https://a.example/', tab: tab(5), frameId: 0 };
    expect(deliver({ type: 'tabReport', data: { tabId: 1 } }, fromContentScript)).toBeUndefined();
    expect(handlers.tabReport).not.toHaveBeenCalled();
  });

  it('lets the panel clear its own site’s data, but never send the popup’s requests to the site or to others', async () => {
    const { handlers, deliver } = serve();
    const fromContentScript = { id: ID, url: 'https://a.example/', tab: tab(5), frameId: 0 };
    await deliver({ type: 'clearSiteData', data: { tabId: 9 } }, fromContentScript);
    expect(handlers.clearSiteData).toHaveBeenCalledWith(
      { tabId: 9 },
      { kind: 'content-script', tabId: 5 },
    );
    for (const type of [
      'compareSessions',
      'lookUpAddress',
      'statusPage',
      'archiveLookup',
    ] as const) {
      expect(deliver({ type, data: { domain: 'a.example' } }, fromContentScript)).toBeUndefined();
      expect(handlers[type]).not.toHaveBeenCalled();
    }
  });

  it('lets only the extension’s own pages stop a watch by its id, never a page’s content script', async () => {
    const { handlers, deliver } = serve();
    const fromContentScript = { id: ID, url: 'https://a.example/', tab: tab(5), frameId: 0 };
    expect(
      deliver({ type: 'unwatchById', data: { watchId: 'w1' } }, fromContentScript),
    ).toBeUndefined();
    expect(handlers.unwatchById).not.toHaveBeenCalled();
    const options = { id: ID, url: `chrome-extension://${ID}/options.html` };
    await deliver({ type: 'unwatchById', data: { watchId: 'w1' } }, options);
    expect(handlers.unwatchById).toHaveBeenCalledWith(
      { watchId: 'w1' },
      { kind: 'extension-page', tabId: undefined },
    );
  });

  it('ignores malformed messages and unknown verbs, including inherited property names', () => {
    const { handlers, deliver } = serve();
    const page = { id: ID, url: `chrome-extension://${ID}/popup.html` };
    for (const message of [
      null,
      'tabReport',
      { type: 'toString' },
      { type: 'constructor' },
      { type: 42 },
      {},
    ]) {
      expect(deliver(message, page)).toBeUndefined();
    }
    expect(handlers.tabReport).not.toHaveBeenCalled();
  });
});

describe('targetTab', () => {
  it('takes a content script’s own tab, never one from its payload', () => {
    expect(targetTab({ tabId: 99 }, { kind: 'content-script', tabId: 5 })).toBe(5);
  });

  it('takes the tab an extension page names, when it is a real tab id', () => {
    expect(targetTab({ tabId: 3 }, { kind: 'extension-page', tabId: undefined })).toBe(3);
    expect(targetTab({ tabId: -1 }, { kind: 'extension-page', tabId: undefined })).toBeUndefined();
    expect(targetTab({ tabId: 1.5 }, { kind: 'extension-page', tabId: undefined })).toBeUndefined();
    expect(targetTab({}, { kind: 'extension-page', tabId: 2 })).toBeUndefined();
  });
});
