/**
 * What one webRequest event means for a tab. This runs on every request the browser makes, so the common case (a
 * healthy sub-resource) is decided by the first comparison and allocates nothing.
 *
 * Complaints users make of similar tools decide the rest: a failing ad frame, a prefetch or prerender, a request from
 * another extension or a service worker must not mark the tab, and nothing is claimed while the browser is offline.
 */
import { isServerFailure } from '../diagnosis/classify';
import { networkFailureOf } from '../diagnosis/network-errors';

/** The fields of webRequest details this reads (Chrome's and Firefox's names side by side). */
export interface RequestEvent {
  readonly tabId: number;
  readonly frameId?: number;
  readonly type: string;
  readonly url: string;
  readonly statusCode?: number;
  /** onErrorOccurred only. */
  readonly error?: string;
  /** Chrome: the origin that started the request. */
  readonly initiator?: string;
  /** Firefox: the URL of the document or extension that started it. */
  readonly originUrl?: string;
  /** Chrome 106+: 'prerender' for a page loaded speculatively, not shown. */
  readonly documentLifecycle?: string;
  /** Chrome 106+: 'fenced_frame' for ad-auction frames. */
  readonly frameType?: string;
}

export type RequestMeaning =
  | { readonly kind: 'ignore' }
  /** The tab's page failed: a 5xx, or a network failure where no answer came. */
  | { readonly kind: 'page-failed' }
  /** The tab loaded a page that answered below 500: whatever it had before is over. */
  | { readonly kind: 'page-loaded' }
  /** A part of the page failed with a 5xx: its own API call, or an embedded frame. */
  | { readonly kind: 'part-failed'; readonly part: 'api' | 'frame' }
  /**
   * A top-level load the browser did not tie to a tab (tabId -1): a prefetch, or, in Firefox, sometimes a real first
   * load. Kept aside until a tab shows that URL.
   */
  | { readonly kind: 'untied-page'; readonly failed: boolean };

const IGNORE: RequestMeaning = { kind: 'ignore' };
const PAGE_FAILED: RequestMeaning = { kind: 'page-failed' };
const PAGE_LOADED: RequestMeaning = { kind: 'page-loaded' };
const API_FAILED: RequestMeaning = { kind: 'part-failed', part: 'api' };
const FRAME_FAILED: RequestMeaning = { kind: 'part-failed', part: 'frame' };

function fromAnotherExtension(event: RequestEvent, ownOrigin: string): boolean {
  const starter = event.initiator ?? event.originUrl ?? '';
  return /^(chrome|moz)-extension:/.test(starter) && !starter.startsWith(ownOrigin);
}

/** A response arrived (webRequest.onCompleted). */
export function meaningOfResponse(event: RequestEvent, ownOrigin = ''): RequestMeaning {
  const failed = isServerFailure(event.statusCode ?? 0);
  if (!failed && event.type !== 'main_frame') return IGNORE;
  if (event.documentLifecycle === 'prerender' || event.frameType === 'fenced_frame') return IGNORE;
  if (fromAnotherExtension(event, ownOrigin)) return IGNORE;
  if (event.type === 'main_frame') {
    if (event.tabId < 0) return { kind: 'untied-page', failed };
    return failed ? PAGE_FAILED : PAGE_LOADED;
  }
  // A service worker's or extension's own fetches belong to no tab.
  if (event.tabId < 0) return IGNORE;
  if (event.type === 'xmlhttprequest') return API_FAILED;
  if (event.type === 'sub_frame') return FRAME_FAILED;
  return IGNORE;
}

/**
 * A request ended without an answer (webRequest.onErrorOccurred). Only the page itself counts: a part that fails to
 * connect is usually an ad or tracker the visitor's own blocker stopped.
 */
export function meaningOfNetworkError(
  event: RequestEvent,
  online: boolean,
  ownOrigin = '',
): RequestMeaning {
  if (event.type !== 'main_frame' || event.tabId < 0 || !online) return IGNORE;
  if (event.documentLifecycle === 'prerender' || fromAnotherExtension(event, ownOrigin))
    return IGNORE;
  const failure = networkFailureOf(event.error);
  return failure === null || failure === 'offline' ? IGNORE : PAGE_FAILED;
}
