/**
 * How far the visitor got through the popup's checks for one incident. A reload or a retry that fails again is the
 * same incident (as the history counts it: the same page failing within SAME_INCIDENT_MS of the last failure), so
 * the walk-through goes on; another page, or the same one much later, starts afresh.
 */
import type { VisitorStepId } from '../diagnosis/guidance';
import { SAME_INCIDENT_MS } from '../history/history';
import { sameDocument } from '../incident/observe';

export interface ProgressRecord<Results> {
  /** The failed page. */
  readonly url: string;
  /** When this incident's latest failure was seen, epoch milliseconds. */
  readonly lastFailure: number;
  readonly results: Results;
}

/** The record to go on with for the failure the tab shows now: the stored one when it is the same incident. */
export function progressFor<Results>(
  stored: ProgressRecord<Results> | null,
  failure: { readonly url: string; readonly time: number },
  empty: Results,
): ProgressRecord<Results> {
  const sameIncident =
    stored !== null &&
    sameDocument(stored.url, failure.url) &&
    failure.time >= stored.lastFailure &&
    failure.time - stored.lastFailure <= SAME_INCIDENT_MS;
  return sameIncident
    ? { ...stored, lastFailure: failure.time }
    : { url: failure.url, lastFailure: failure.time, results: empty };
}

/**
 * The checks that do what a visitor step asks, for the owner report's "already tried". Firefox's fresh lookup is not
 * among them: it bypasses the browser's DNS cache, not the device's, which is what the flush-dns step asks.
 */
export type StepCheck = 'retry' | 'reload' | 'clear';

const STEP_OF: Readonly<Record<StepCheck, VisitorStepId>> = {
  retry: 'wait-retry',
  reload: 'hard-reload',
  clear: 'clear-site-data',
};

const ORDER: readonly StepCheck[] = ['retry', 'reload', 'clear'];

export function triedSteps(done: ReadonlySet<StepCheck>): VisitorStepId[] {
  return ORDER.filter((check) => done.has(check)).map((check) => STEP_OF[check]);
}
