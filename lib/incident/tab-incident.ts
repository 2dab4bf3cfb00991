/**
 * A tab's incident: what failed in the page it shows, kept in storage.session so a stopped service worker (Chrome)
 * or event page (Firefox) loses nothing.
 *
 * Lifecycle, per tab (each arrow one handler; every step a pure function of the stored record, so running a handler
 * twice changes nothing):
 *
 *   none ──page answers 5xx / no answer──▶ page failed ──tab complete──▶ shown once: panel injected (or page read),
 *                                                                       history written (Chrome's bare error page:
 *                                                                       the explanation page instead, once per URL)
 *   none ──an API call or frame answers 5xx──▶ parts failed (page fine) ──tab complete──▶ toolbar set (API calls only)
 *   page failed ──more parts fail──▶ page failed, parts counted
 *   page failed ──the same request completes (its headers made the record)──▶ page failed, completed, nothing reset
 *   any ──page answers < 500──▶ none      (both browsers reset a tab's badge and title when it navigates)
 *   any ──tab closed or replaced──▶ none
 */
import { isServerFailure } from '../diagnosis/classify';
import type { Diagnosis, Observation, PageMarkers } from '../diagnosis/types';
import { message, type Message } from '../i18n/messages';
import { documentOf, sameDocument } from './observe';

export interface PartFailures {
  readonly host: string;
  readonly part: 'api' | 'frame';
  /** How many requests to this host failed; stops counting at MAX_PART_COUNT. */
  readonly count: number;
  /** The latest of them. */
  readonly observation: Observation;
}

export interface TabIncident {
  /** The address of the page this record is about. */
  readonly url: string;
  /** The page itself failed; null when only parts of it did. */
  readonly page: Observation | null;
  /** Failing parts of the page, by host, the most recent last. */
  readonly parts: readonly PartFailures[];
  /** This navigation's incident was shown: the page read, the panel injected, the history written. Never twice. */
  readonly shown: boolean;
  /**
   * Chrome's bare error page for this URL was replaced by the explanation page. Kept when the same URL fails again
   * (the Back button returns to it), so the visitor is never sent back to the explanation page in a loop.
   */
  readonly explained: boolean;
  /**
   * webRequest's id of the failed page's request. Its headers and its completion are two events of one failure: the
   * record is made from the first (so the panel need not wait for the second, which Firefox reports after the page's
   * load event), and the second completes it.
   */
  readonly webRequestId?: string | undefined;
}

export const MAX_PART_HOSTS = 10;
export const MAX_PART_COUNT = 9999;
/** A failing part's own address is only ever reported, never visited again: less of it is kept than of a page's. */
export const MAX_PART_URL = 2048;
/** Page text kept with the record: the engine reads no further. */
export const MAX_MARKER_TEXT = 4096;

export function pageFailed(
  observation: Observation,
  previous: TabIncident | null = null,
  webRequestId?: string,
): TabIncident {
  if (webRequestId !== undefined && previous?.page && previous.webRequestId === webRequestId) {
    // The same response, now complete: it adds what only the completion tells (the server's address), and the
    // record keeps what was done with it (shown, the page's markers, failing parts).
    return { ...previous, page: { ...observation, page: previous.page.page } };
  }
  const explained = previous !== null && previous.explained && previous.url === observation.url;
  return {
    url: observation.url,
    page: observation,
    parts: [],
    shown: false,
    explained,
    webRequestId,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * Adds a failing part to the tab's record. `pageUrl` is the page the tab shows (with its fragment, as tabs report
 * it); a record about another page is stale (the tab has moved on) and starts afresh.
 */
export function partFailed(
  incident: TabIncident | null,
  pageUrl: string,
  observation: Observation,
  part: PartFailures['part'],
): TabIncident {
  const current = incident && sameDocument(incident.url, pageUrl) ? incident : null;
  const host = hostOf(observation.url);
  const parts = current?.parts ?? [];
  const previous = parts.find((p) => p.host === host && p.part === part);
  const updated: PartFailures = {
    host,
    part,
    count: Math.min(MAX_PART_COUNT, (previous?.count ?? 0) + 1),
    observation: { ...observation, url: observation.url.slice(0, MAX_PART_URL) },
  };
  return {
    url: current?.url ?? documentOf(pageUrl),
    page: current?.page ?? null,
    parts: [...parts.filter((p) => p !== previous), updated].slice(-MAX_PART_HOSTS),
    shown: current?.shown ?? false,
    explained: current?.explained ?? false,
    webRequestId: current?.webRequestId,
  };
}

export function withMarkers(incident: TabIncident, markers: PageMarkers): TabIncident {
  if (!incident.page) return incident;
  const page: PageMarkers = {
    title: String(markers.title ?? '').slice(0, 512),
    text: String(markers.text ?? '').slice(0, MAX_MARKER_TEXT),
  };
  return { ...incident, page: { ...incident.page, page } };
}

export function withShown(incident: TabIncident): TabIncident {
  return { ...incident, shown: true };
}

export function withExplained(incident: TabIncident): TabIncident {
  return { ...incident, explained: true };
}

/** The API calls that failed, the most counted first. */
export function failingApis(incident: TabIncident): PartFailures[] {
  return incident.parts.filter((p) => p.part === 'api').sort((a, b) => b.count - a.count);
}

/** What the incident asks the engine to explain: the page's failure, else its most frequent failing API call. */
export function observationToDiagnose(incident: TabIncident): Observation | null {
  return incident.page ?? failingApis(incident)[0]?.observation ?? null;
}

export interface ToolbarView {
  readonly text: string;
  readonly color: string;
  readonly title: Message;
}

/** Colours by who and what: the site's server failing, a gateway waiting in vain, no answer at all, or a part. */
const COLORS = {
  failure: '#b91c1c',
  timeout: '#c2410c',
  unavailable: '#a16207',
  network: '#475569',
  part: '#6d28d9',
} as const;

function colorOf(diagnosis: Diagnosis): string {
  switch (diagnosis.kind) {
    case 'gateway-timeout':
      return COLORS.timeout;
    case 'unavailable':
      return COLORS.unavailable;
    case 'network':
    case 'network-auth':
      return COLORS.network;
    default:
      return COLORS.failure;
  }
}

/**
 * The toolbar button for a tab: null when there is nothing to show (a bot check is not an outage; failing frames are
 * usually ads and stay in the popup only; API failures only when the user wants them).
 */
export function toolbarView(
  incident: TabIncident,
  diagnosis: Diagnosis | null,
  { showPageApiFailures }: { showPageApiFailures: boolean },
): ToolbarView | null {
  if (!diagnosis || diagnosis.kind === 'challenge') return null;
  if (incident.page) {
    const code = incident.page.statusCode;
    const text = isServerFailure(code) ? String(code) : '!';
    return {
      text,
      color: colorOf(diagnosis),
      title: message('toolbarTitle', diagnosis.title, diagnosis.explanation),
    };
  }
  const [worst] = failingApis(incident);
  if (!worst || !showPageApiFailures) return null;
  return {
    text: 'API',
    color: COLORS.part,
    title: message(
      'toolbarTitleApiFailures',
      worst.count,
      worst.host,
      worst.observation.statusCode,
    ),
  };
}
