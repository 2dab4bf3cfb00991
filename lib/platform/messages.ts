/**
 * The one typed protocol for every message in the extension. Each message is a verb with its request and response
 * types and the kind of sender allowed to send it. The background serves them; a web page can never reach them
 * (no `externally_connectable`), and a content script only ever acts on its own tab: the tab comes from `sender`,
 * never from the payload.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Diagnosis, PageMarkers } from '../diagnosis/types';
import type { TabIncident } from '../incident/tab-incident';
import type {
  AddressLookup,
  ArchiveLookup,
  ClearSiteDataResult,
  RetryResult,
  SessionComparison,
  StatusPageLookup,
} from '../checks/results';
import type { WatchView } from '../watch/watch';

/** Who may send a message: the extension's own pages (popup, options, explanation page), or its content script. */
export type SenderKind = 'extension-page' | 'content-script';

export interface TabReport {
  readonly tabId: number;
  readonly incident: TabIncident;
  readonly diagnosis: Diagnosis;
}

/** What the panel shows: the tab's report, and the watch of its page, so the panel needs no second round trip. */
export interface PanelReport extends TabReport {
  readonly watch: WatchView;
  /**
   * The report for the site's owner, written here: the background holds the engine already, and the panel, loaded
   * into every failed page, stays small without the report's writer.
   */
  readonly ownerReport: string;
}

interface Verb<Request, Response> {
  readonly request: Request;
  readonly response: Response;
}

/**
 * Names a tab. Only the extension's own pages may name one; for a content script the tab is always the sender's own,
 * and a `tabId` in its payload is ignored (see `targetTab`).
 */
export interface TabTarget {
  readonly tabId?: number;
}

export interface Protocol {
  /** The incident of a tab, diagnosed; null when the tab has none. */
  tabReport: Verb<{ readonly tabId: number }, TabReport | null>;
  /** The panel has mounted in a failed page and read what it shows; answers what the panel should say. */
  panelOpened: Verb<{ readonly markers: PageMarkers | null }, PanelReport | null>;
  /** Reloads the tab; `bypassCache` skips the browser's cache (Ctrl+Shift+R). */
  reloadTab: Verb<TabTarget & { readonly bypassCache: boolean }, void>;
  /** "Don't show on this site": adds the tab's site to the ignore list and clears its marks. */
  ignoreSite: Verb<TabTarget, void>;
  /** Asks the site for the tab's failed page again (GET only, past every cache) and says what it answered. */
  retry: Verb<TabTarget, RetryResult>;
  /** The popup's clean-session comparison: the tab's failed page asked for with and without the site's cookies. */
  compareSessions: Verb<TabTarget, SessionComparison>;
  /** Clears the data of the tab's own site, as far as this browser can for one site (lib/checks/site-data.ts). */
  clearSiteData: Verb<TabTarget, ClearSiteDataResult>;
  /** Looks the tab's host up afresh, past the DNS cache (Firefox), against the address the failure came from. */
  lookUpAddress: Verb<TabTarget, AddressLookup>;
  /** Asks the Statuspage API at `status.` + `domain`, which must be the tab's host or one of its parents. */
  statusPage: Verb<TabTarget & { readonly domain: string }, StatusPageLookup>;
  /** Asks the Internet Archive whether it holds a copy of the tab's page. */
  archiveLookup: Verb<TabTarget, ArchiveLookup>;
  /**
   * "Tell me when it's back" for the tab's failed page (its address from the tab's own record, never from the
   * payload): starts a watch, or joins the one that already has the address.
   */
  watch: Verb<TabTarget, WatchView>;
  /** Stops watching the tab's failed page. */
  unwatch: Verb<TabTarget, WatchView>;
  /** Whether the tab's failed page is watched, and when it is asked next. */
  watchStatus: Verb<TabTarget, WatchView>;
  /**
   * The options page's Stop (or Remove, for a watch that has ended): stops the watch `watchId`, whatever tab it came
   * from, even one closed since. Extension pages only: a page could otherwise stop another page's watch. Answers
   * whether there was such a watch.
   */
  unwatchById: Verb<{ readonly watchId: string }, boolean>;
}

export type { RetryResult };

export type MessageType = keyof Protocol;
export type RequestOf<V extends MessageType> = Protocol[V]['request'];
export type ResponseOf<V extends MessageType> = Protocol[V]['response'];

/** What a handler knows about the sender, checked: `tabId` is the sending content script's own tab. */
export interface SenderContext {
  readonly kind: SenderKind;
  readonly tabId: number | undefined;
}

export type Handlers = {
  readonly [V in MessageType]: (
    request: RequestOf<V>,
    sender: SenderContext,
  ) => Promise<ResponseOf<V>>;
};

const ALLOWED: { readonly [V in MessageType]: readonly SenderKind[] } = {
  tabReport: ['extension-page'],
  panelOpened: ['content-script'],
  reloadTab: ['extension-page', 'content-script'],
  ignoreSite: ['extension-page', 'content-script'],
  retry: ['extension-page', 'content-script'],
  compareSessions: ['extension-page'],
  clearSiteData: ['extension-page', 'content-script'],
  lookUpAddress: ['extension-page'],
  statusPage: ['extension-page'],
  archiveLookup: ['extension-page'],
  watch: ['extension-page', 'content-script'],
  unwatch: ['extension-page', 'content-script'],
  watchStatus: ['extension-page', 'content-script'],
  unwatchById: ['extension-page'],
};

/** The tab a message acts on: a content script's own, or the one an extension page named. */
export function targetTab(request: TabTarget, sender: SenderContext): number | undefined {
  if (sender.kind === 'content-script') return sender.tabId;
  return Number.isInteger(request.tabId) && (request.tabId ?? -1) >= 0 ? request.tabId : undefined;
}

type Sender = Browser.runtime.MessageSender;

/**
 * Classifies a sender, or returns undefined for one that is not ours. Extension pages run at the extension's own
 * origin; content scripts run in a tab's top frame on a web page. https://developer.chrome.com/docs/extensions/develop/concepts/messaging#security-considerations
 */
export function classifySender(
  sender: Sender,
  extensionId: string,
  extensionOrigin: string,
): SenderContext | undefined {
  if (sender.id !== extensionId) return undefined;
  if (sender.url?.startsWith(extensionOrigin))
    return { kind: 'extension-page', tabId: sender.tab?.id };
  const isWebPage = /^https?:/.test(sender.url ?? '');
  if (isWebPage && sender.tab?.id !== undefined && sender.tab.id >= 0 && sender.frameId === 0) {
    return { kind: 'content-script', tabId: sender.tab.id };
  }
  return undefined;
}

function isEnvelope(value: unknown): value is { type: MessageType; data: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    Object.hasOwn(ALLOWED, (value as { type: string }).type)
  );
}

/**
 * Registers the background's one message listener. Call it synchronously in the background's main. A message of an
 * unknown verb, or from a sender not allowed to send it, gets no answer (the caller sees an error), so nothing a page
 * manages to send can reach a privileged action.
 */
export function serveMessages(handlers: Handlers, runtime = browser.runtime): void {
  const origin = runtime.getURL('/');
  runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    if (!isEnvelope(message)) return undefined;
    const context = classifySender(sender, runtime.id, origin);
    if (!context || !ALLOWED[message.type].includes(context.kind)) return undefined;
    const handle = handlers[message.type] as (
      data: unknown,
      sender: SenderContext,
    ) => Promise<unknown>;
    return handle(message.data, context);
  });
}

/** Sends a message to the background and returns its answer. */
export function send<V extends MessageType>(
  type: V,
  data: RequestOf<V>,
  runtime = browser.runtime,
): Promise<ResponseOf<V>> {
  return runtime.sendMessage({ type, data }) as Promise<ResponseOf<V>>;
}
