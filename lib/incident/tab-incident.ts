/**
 * A tab's incident: what failed in it, kept in storage.session so a stopped service worker (Chrome) or event page
 * (Firefox) loses nothing.
 *
 * Lifecycle, per tab:
 *   none --main frame answers 5xx--> failed --tab reaches 'complete' on that URL--> shown (badge set)
 *   failed|shown --main frame answers < 500--> none      (the browser resets a tab's badge when it navigates)
 *   any --tab closed--> none
 * Every transition is a plain write or delete keyed by tab id, so running a handler twice changes nothing.
 */
import type { Observation } from '../diagnosis/types';

export interface TabIncident {
  readonly observation: Observation;
}

export type BadgeColor = string;

export interface BadgeView {
  readonly text: string;
  readonly color: BadgeColor;
}

/** Red for the site's failures; the badge is four characters at most. */
export function badgeFor(incident: TabIncident): BadgeView {
  return { text: String(incident.observation.statusCode).slice(0, 4), color: '#b91c1c' };
}
