/**
 * What the checks answer, as the background sends them and as the popup keeps them for the incident. Data only:
 * each check's wording is the popup's, from these facts.
 */
import type { AddressComparison } from './addresses';
import type { ProgressRecord } from './progress';
import type { StatuspageStatus } from './status-page';
import type { ArchiveAvailability } from './wayback';

/** What asking the site for a page again found (lib/platform/probe.ts asks). */
export type ProbeResult =
  | { readonly outcome: 'back'; readonly statusCode: number; readonly time: number }
  | {
      readonly outcome: 'still-failing';
      readonly statusCode: number;
      readonly time: number;
      /**
       * When the answer's Retry-After asks to be asked again (epoch ms, clamped as lib/retry/retry-after.ts clamps
       * it), when it had a valid one: the watcher honours it, the popup names it.
       */
      readonly retryAfterAt?: number;
    }
  | { readonly outcome: 'no-answer'; readonly error: string; readonly time: number };

export type RetryResult =
  | ProbeResult
  | { readonly outcome: 'nothing-to-retry' }
  /** The page came from a form: asking again would re-send it. */
  | { readonly outcome: 'refused-post' };

/** The page asked for twice at once; like Retry, only for a page that came from a GET. */
export type SessionComparison =
  | {
      readonly outcome: 'compared';
      readonly withCookies: ProbeResult;
      readonly withoutCookies: ProbeResult;
    }
  | { readonly outcome: 'nothing-to-retry' }
  | { readonly outcome: 'refused-post' };

export type ClearSiteDataResult =
  | { readonly outcome: 'cleared'; readonly time: number }
  | { readonly outcome: 'nothing-to-clear' }
  /** The browser has not granted browsingData (asked for when first used): nothing was cleared. */
  | { readonly outcome: 'not-allowed' }
  | { readonly outcome: 'failed'; readonly error: string };

export type AddressLookup =
  | {
      readonly outcome: 'resolved';
      readonly host: string;
      readonly addresses: readonly string[];
      /** The address the failed request went to, when the browser reported one. */
      readonly observedIp: string | null;
      readonly comparison: AddressComparison;
      readonly time: number;
    }
  /** The page is addressed by IP: there is no name to look up. */
  | { readonly outcome: 'no-name'; readonly host: string }
  /** This browser gives extensions no DNS API (Chrome). */
  | { readonly outcome: 'unavailable' }
  /** The lookup itself failed: `NS_ERROR_UNKNOWN_HOST`, `NS_ERROR_OFFLINE`... */
  | { readonly outcome: 'failed'; readonly host: string; readonly error: string }
  | { readonly outcome: 'nothing-to-look-up' };

export type StatusPageLookup =
  | { readonly outcome: 'found'; readonly url: string; readonly status: StatuspageStatus }
  /** Something answered there, but with an error status. */
  | { readonly outcome: 'not-found'; readonly url: string; readonly statusCode: number }
  /** It answered, but not in Statuspage's format. */
  | { readonly outcome: 'unreadable'; readonly url: string }
  /** Nothing answered: no such host, or no connection. */
  | { readonly outcome: 'no-answer'; readonly url: string }
  /** The page has no domain a status page could hang off (an address, a local name). */
  | { readonly outcome: 'no-domain' };

export type ArchiveLookup =
  | { readonly outcome: 'answered'; readonly availability: ArchiveAvailability }
  | { readonly outcome: 'unreadable' }
  | { readonly outcome: 'no-answer' }
  | { readonly outcome: 'nothing-to-look-up' };

/** The popup's checks that have run for an incident, each with what it found. */
export interface CheckResults {
  readonly retry?: RetryResult;
  readonly reload?: { readonly time: number };
  readonly session?: SessionComparison;
  readonly clear?: ClearSiteDataResult;
  readonly dns?: AddressLookup;
  readonly statusPage?: StatusPageLookup;
  readonly archive?: ArchiveLookup;
}

export type CheckProgress = ProgressRecord<CheckResults>;
