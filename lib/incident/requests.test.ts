import { describe, expect, it } from 'vitest';
import { meaningOfNetworkError, meaningOfResponse, type RequestEvent } from './requests';

const OWN = 'chrome-extension://gateway-doctor/';
const page: RequestEvent = {
  tabId: 3,
  frameId: 0,
  type: 'main_frame',
  url: 'https://shop.example/',
  statusCode: 502,
};

describe('meaningOfResponse', () => {
  it('marks the tab for its own failed page, and clears it for a page that loaded', () => {
    expect(meaningOfResponse(page, OWN)).toEqual({ kind: 'page-failed' });
    expect(meaningOfResponse({ ...page, statusCode: 200 }, OWN)).toEqual({ kind: 'page-loaded' });
    expect(meaningOfResponse({ ...page, statusCode: 404 }, OWN)).toEqual({ kind: 'page-loaded' });
  });

  it('ignores healthy parts of a page at once', () => {
    for (const type of ['xmlhttprequest', 'sub_frame', 'image', 'script', 'stylesheet'])
      expect(meaningOfResponse({ ...page, type, statusCode: 200 }, OWN)).toEqual({
        kind: 'ignore',
      });
  });

  it('tells a failing API call from a failing embedded frame, and ignores other failing parts', () => {
    expect(meaningOfResponse({ ...page, type: 'xmlhttprequest', frameId: 0 }, OWN)).toEqual({
      kind: 'part-failed',
      part: 'api',
    });
    expect(meaningOfResponse({ ...page, type: 'sub_frame', frameId: 4 }, OWN)).toEqual({
      kind: 'part-failed',
      part: 'frame',
    });
    expect(meaningOfResponse({ ...page, type: 'image' }, OWN)).toEqual({ kind: 'ignore' });
  });

  it('does not mark a tab for prerenders, ad-auction frames, other extensions or service workers', () => {
    expect(meaningOfResponse({ ...page, documentLifecycle: 'prerender' }, OWN)).toEqual({
      kind: 'ignore',
    });
    expect(
      meaningOfResponse({ ...page, type: 'sub_frame', frameType: 'fenced_frame' }, OWN),
    ).toEqual({ kind: 'ignore' });
    expect(meaningOfResponse({ ...page, initiator: 'chrome-extension://another' }, OWN)).toEqual({
      kind: 'ignore',
    });
    expect(
      meaningOfResponse(
        { ...page, type: 'xmlhttprequest', originUrl: 'moz-extension://x/bg.html' },
        OWN,
      ),
    ).toEqual({ kind: 'ignore' });
    expect(meaningOfResponse({ ...page, type: 'xmlhttprequest', tabId: -1 }, OWN)).toEqual({
      kind: 'ignore',
    });
  });

  it('keeps a top-level load with no tab aside rather than dropping it', () => {
    expect(meaningOfResponse({ ...page, tabId: -1 }, OWN)).toEqual({
      kind: 'untied-page',
      failed: true,
    });
    expect(meaningOfResponse({ ...page, tabId: -1, statusCode: 200 }, OWN)).toEqual({
      kind: 'untied-page',
      failed: false,
    });
  });

  it('treats a status outside 500-599 as no server failure', () => {
    expect(meaningOfResponse({ ...page, statusCode: 600 }, OWN)).toEqual({ kind: 'page-loaded' });
    expect(meaningOfResponse({ ...page, statusCode: undefined }, OWN)).toEqual({
      kind: 'page-loaded',
    });
  });
});

describe('meaningOfNetworkError', () => {
  const failedPage = { ...page, statusCode: undefined, error: 'net::ERR_CONNECTION_REFUSED' };

  it('marks the tab when its page got no answer', () => {
    expect(meaningOfNetworkError(failedPage, true, OWN)).toEqual({ kind: 'page-failed' });
    expect(
      meaningOfNetworkError({ ...failedPage, error: 'NS_ERROR_NET_RESET' }, true, OWN),
    ).toEqual({ kind: 'page-failed' });
  });

  it('claims nothing while offline, for cancellations and blocks, or for parts of a page', () => {
    expect(meaningOfNetworkError(failedPage, false, OWN)).toEqual({ kind: 'ignore' });
    expect(
      meaningOfNetworkError({ ...failedPage, error: 'net::ERR_INTERNET_DISCONNECTED' }, true, OWN),
    ).toEqual({ kind: 'ignore' });
    expect(meaningOfNetworkError({ ...failedPage, error: 'net::ERR_ABORTED' }, true, OWN)).toEqual({
      kind: 'ignore',
    });
    expect(
      meaningOfNetworkError({ ...failedPage, error: 'net::ERR_BLOCKED_BY_CLIENT' }, true, OWN),
    ).toEqual({ kind: 'ignore' });
    expect(meaningOfNetworkError({ ...failedPage, type: 'xmlhttprequest' }, true, OWN)).toEqual({
      kind: 'ignore',
    });
    expect(meaningOfNetworkError({ ...failedPage, tabId: -1 }, true, OWN)).toEqual({
      kind: 'ignore',
    });
  });
});
