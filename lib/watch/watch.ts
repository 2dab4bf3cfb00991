/**
 * "Tell me when it's back": one watch per failed address, kept in storage.local so it outlives the service worker
 * (Chrome) or event page (Firefox) and a browser restart. Each watch has at most one alarm, named after the attempt it
 * is for (`watch:<id>:<attempt>`), so an alarm that fires twice, or late, finds its attempt already claimed.
 *
 * Lifecycle (each arrow one handler; every step a pure function of the stored list, so running one twice changes
 * nothing):
 *
 *   none ──watch──▶ watching, attempt 0 due at nextAt
 *   watching ──alarm k, offline──▶ watching, paused (alarm k again after the floor; no attempt spent, the end moves
 *                                   back by the time spent offline)
 *   watching ──alarm k, k = attempts──▶ attempt k claimed: attempts k + 1 and its alarm set, then the probe:
 *       ──any answer but a 5xx──▶ back: notified, the tab reloaded
 *       ──a 5xx or no answer, attempts left──▶ watching (the next attempt moved to its Retry-After, if it sent one)
 *       ──a 5xx or no answer, the last attempt──▶ gave up: notified
 *   watching ──alarm k, k ≠ attempts──▶ unchanged (a duplicate, or the alarm of an attempt already made)
 *   watching ──watch from another tab──▶ the same watch, that tab added
 *   any ──unwatch (its tab), or stopped from the options page (its id)──▶ none
 *   back or gave up ──a day later, or watched again──▶ none (kept until then to answer the notification's click)
 */
import { sameDocument } from '../incident/observe';
import { message, type Message } from '../i18n/messages';
import { nextAttempt } from '../retry/schedule';

/** Watches running at once: a handful of sites, far below Chrome's 500 alarms, and never a crawler. */
export const MAX_WATCHES = 10;
/** Tabs one watch reloads and focuses: the tabs that asked for it. */
export const MAX_WATCH_TABS = 10;
export const ENDED_KEPT_MS = 24 * 60 * 60_000;
const MAX_ENDED = 50;

export type WatchStatus = 'watching' | 'back' | 'gave-up';

export interface Watch {
  readonly id: string;
  /** The failed address, without its fragment. */
  readonly url: string;
  /** The tabs that asked, the most recent last; each is checked to still show the page before it is touched. */
  readonly tabIds: readonly number[];
  /** The page came from a form: it is asked for by GET, never re-posted, and its tab never reloaded. */
  readonly fromForm: boolean;
  readonly startedAt: number;
  /** When the last attempt is made; moved back by time spent offline. */
  readonly deadline: number;
  readonly giveUpMinutes: number;
  /** When the latest failed answer's Retry-After asked to come back: the failure that started it, then each attempt's. */
  readonly retryAfterAt: number | null;
  readonly attempts: number;
  readonly lastAttemptAt: number | null;
  /** When the next attempt is due; null once the last one is under way. */
  readonly nextAt: number | null;
  /** Offline since then: attempts wait for the network instead of being spent. */
  readonly pausedSince: number | null;
  readonly status: WatchStatus;
  /** What the last attempt got: a status code, 0 for no answer. */
  readonly lastStatusCode: number | null;
  readonly endedAt: number | null;
}

/** What the page showing a failed address can say about watching it. */
export type WatchView =
  | ({ readonly kind: 'idle'; readonly fromForm: boolean } & NotificationNote)
  | ({
      readonly kind: 'watching';
      readonly fromForm: boolean;
      /** Null while paused or while the last attempt is under way. */
      readonly nextAt: number | null;
      readonly paused: boolean;
    } & NotificationNote)
  | { readonly kind: 'back'; readonly fromForm: boolean; readonly at: number }
  | ({
      readonly kind: 'gave-up';
      readonly fromForm: boolean;
      readonly at: number;
      readonly minutes: number;
    } & NotificationNote)
  | { readonly kind: 'refused'; readonly reason: WatchRefusal }
  | { readonly kind: 'cap'; readonly max: number };

/**
 * Said of a watch that may still end (or start): true when the settings want a notification at its end and the
 * browser has not allowed Gateway Doctor to show one (notifications is asked for when first used). Absent otherwise.
 */
interface NotificationNote {
  readonly notificationBlocked?: true;
}

/** Why a page cannot be watched: the tab shows no failed page, or it is private and a watch is written to disk. */
export type WatchRefusal = 'nothing-to-watch' | 'private-window';

/** What an attempt found: `back` for any answer but a 5xx or a network failure. */
export interface ProbeAnswer {
  readonly back: boolean;
  /** 0 for no answer. */
  readonly statusCode: number;
  /** When the failed answer's Retry-After asks to come back (parsed and clamped in lib/retry/retry-after.ts), if it does. */
  readonly retryAfterAt: number | null;
}

/** What came of stopping a watch from the options page's list: the address, for the page to say so. */
export interface StopOutcome {
  readonly url: string;
  /** The watch had ended already (back, or given up): it was taken off the list. */
  readonly ended: boolean;
  /** False when the background did not answer: the watch may still run. */
  readonly stopped: boolean;
}

/** A new list of watches, and what the change is about (null when it changed nothing). */
export interface WatchChange<T = Watch | null> {
  readonly watches: readonly Watch[];
  readonly result: T;
}

export interface WatchRequest {
  readonly id: string;
  readonly url: string;
  readonly tabId: number;
  readonly fromForm: boolean;
  readonly retryAfterAt: number | null;
  readonly giveUpMinutes: number;
  readonly now: number;
}

export type StartOutcome =
  { readonly kind: 'started' | 'joined'; readonly watch: Watch } | { readonly kind: 'cap' };

const ALARM = /^watch:([\w-]{1,64}):(\d{1,6})$/;
const NOTIFICATION = /^watch:([\w-]{1,64})$/;

export const alarmName = (watch: Pick<Watch, 'id' | 'attempts'>) =>
  `watch:${watch.id}:${watch.attempts}`;

export function parseAlarmName(name: string): { id: string; attempt: number } | null {
  const match = ALARM.exec(name);
  return match ? { id: match[1] as string, attempt: Number(match[2]) } : null;
}

export const notificationId = (watch: Pick<Watch, 'id'>) => `watch:${watch.id}`;

export const watchIdOfNotification = (id: string) => NOTIFICATION.exec(id)?.[1] ?? null;

export const urlKey = (url: string) => url.split('#', 1)[0] ?? url;

export function watchFor(watches: readonly Watch[], url: string): Watch | undefined {
  return watches.find((watch) => sameDocument(watch.url, url));
}

/** Starts watching an address, or adds the tab to the watch that already has it; refuses past the cap. */
export function startWatch(
  watches: readonly Watch[],
  request: WatchRequest,
  random: number,
): WatchChange<StartOutcome> {
  const url = urlKey(request.url);
  const existing = watchFor(watches, url);
  if (existing?.status === 'watching') {
    const tabIds = [...existing.tabIds.filter((id) => id !== request.tabId), request.tabId];
    const joined = { ...existing, tabIds: tabIds.slice(-MAX_WATCH_TABS) };
    return { watches: replace(watches, joined), result: { kind: 'joined', watch: joined } };
  }
  const others = watches.filter((watch) => watch !== existing);
  if (others.filter((watch) => watch.status === 'watching').length >= MAX_WATCHES)
    return { watches, result: { kind: 'cap' } };
  const base: Watch = {
    id: request.id,
    url,
    tabIds: [request.tabId],
    fromForm: request.fromForm,
    startedAt: request.now,
    deadline: request.now + request.giveUpMinutes * 60_000,
    giveUpMinutes: request.giveUpMinutes,
    retryAfterAt: request.retryAfterAt,
    attempts: 0,
    lastAttemptAt: null,
    nextAt: null,
    pausedSince: null,
    status: 'watching',
    lastStatusCode: null,
    endedAt: null,
  };
  const first = nextAttempt(base, random);
  const watch = { ...base, nextAt: first.kind === 'attempt' ? first.at : null };
  return { watches: [...others, watch], result: { kind: 'started', watch } };
}

/** The running watch `id`, if it has made exactly `attempts` attempts: what every alarm and answer checks first. */
function runningAt(watches: readonly Watch[], id: string, attempts: number): Watch | undefined {
  return watches.find((w) => w.id === id && w.status === 'watching' && w.attempts === attempts);
}

/** The attempt an alarm is for, if it is still to be made: counted, with the next one scheduled. */
export function claimAttempt(
  watches: readonly Watch[],
  id: string,
  attempt: number,
  now: number,
  random: number,
): WatchChange {
  const watch = runningAt(watches, id, attempt);
  if (!watch) return { watches, result: null };
  const resumed = resume(watch, now);
  const made = { ...resumed, attempts: attempt + 1, lastAttemptAt: now };
  const next = nextAttempt(made, random);
  const claimed = { ...made, nextAt: next.kind === 'attempt' ? next.at : null };
  return { watches: replace(watches, claimed), result: claimed };
}

/** Offline when an attempt is due: it waits for the network instead of being spent. */
export function pauseWatch(
  watches: readonly Watch[],
  id: string,
  attempt: number,
  now: number,
): WatchChange {
  const watch = runningAt(watches, id, attempt);
  if (!watch) return { watches, result: null };
  const paused = { ...watch, pausedSince: watch.pausedSince ?? now };
  return { watches: replace(watches, paused), result: paused };
}

function resume(watch: Watch, now: number): Watch {
  if (watch.pausedSince === null) return watch;
  const offline = Math.max(0, now - watch.pausedSince);
  return { ...watch, pausedSince: null, deadline: watch.deadline + offline };
}

/**
 * What the attempt numbered `attempts` found. Back ends the watch; a failure ends it only when no attempt is left, and
 * one that carries a Retry-After moves the next attempt to it (lib/retry/schedule.ts bounds it). An answer for a watch
 * stopped, restarted or already past that attempt changes nothing.
 */
export function recordProbe(
  watches: readonly Watch[],
  id: string,
  attempts: number,
  answer: ProbeAnswer,
  now: number,
  random: number,
): WatchChange {
  const watch = runningAt(watches, id, attempts);
  if (!watch) return { watches, result: null };
  const status: WatchStatus = answer.back ? 'back' : watch.nextAt === null ? 'gave-up' : 'watching';
  const recorded: Watch = {
    ...watch,
    lastStatusCode: answer.statusCode,
    retryAfterAt: answer.retryAfterAt,
    status,
    endedAt: status === 'watching' ? null : now,
    nextAt: status === 'watching' ? watch.nextAt : null,
  };
  const next =
    recorded.retryAfterAt !== null && status === 'watching' ? nextAttempt(recorded, random) : null;
  const rescheduled = next?.kind === 'attempt' ? { ...recorded, nextAt: next.at } : recorded;
  return { watches: replace(watches, rescheduled), result: rescheduled };
}

export function stopWatch(watches: readonly Watch[], url: string): WatchChange {
  return without(watches, watchFor(watches, url));
}

/** Stops (or, once it has ended, forgets) the watch `id`: the options page's list names watches by id. */
export function stopWatchById(watches: readonly Watch[], id: string): WatchChange {
  return without(
    watches,
    watches.find((watch) => watch.id === id),
  );
}

function without(watches: readonly Watch[], watch: Watch | undefined): WatchChange {
  return watch
    ? { watches: watches.filter((w) => w !== watch), result: watch }
    : { watches, result: null };
}

/** The watches as the options page lists them: running ones in the order they started, then ended ones, newest first. */
export function listedWatches(watches: readonly Watch[]): Watch[] {
  const running = watches.filter((w) => w.status === 'watching');
  const ended = watches.filter((w) => w.status !== 'watching');
  return [
    ...running.sort((a, b) => a.startedAt - b.startedAt),
    ...ended.sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0)),
  ];
}

/** Drops ended watches after a day, and the oldest ended ones past a bound. */
export function pruneWatches(watches: readonly Watch[], now: number): Watch[] {
  const ended = watches
    .filter((w) => w.status !== 'watching' && now - (w.endedAt ?? 0) < ENDED_KEPT_MS)
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0))
    .slice(0, MAX_ENDED);
  return watches.filter((w) => w.status === 'watching' || ended.includes(w));
}

export function watchView(watch: Watch | undefined, fromForm: boolean): WatchView {
  if (!watch) return { kind: 'idle', fromForm };
  switch (watch.status) {
    case 'watching':
      return {
        kind: 'watching',
        fromForm: watch.fromForm,
        nextAt: watch.pausedSince === null ? watch.nextAt : null,
        paused: watch.pausedSince !== null,
      };
    case 'back':
      return { kind: 'back', fromForm: watch.fromForm, at: watch.endedAt ?? watch.startedAt };
    case 'gave-up':
      return {
        kind: 'gave-up',
        fromForm: watch.fromForm,
        at: watch.endedAt ?? watch.deadline,
        minutes: watch.giveUpMinutes,
      };
  }
}

/** What a watch is doing, in one line: while it runs, when it asks next; once it has ended, when and how. */
export function watchStatusMessage(view: WatchView, clock: (at: number) => string): Message | null {
  switch (view.kind) {
    case 'watching':
      if (view.paused) return message('watchPaused');
      return view.nextAt === null
        ? message('watchLastCheck')
        : message('watchNextCheck', clock(view.nextAt));
    case 'back':
      return message('watchBack', clock(view.at));
    case 'gave-up':
      return message('watchGaveUp', clock(view.at), view.minutes);
    default:
      return null;
  }
}

/** The toolbar's tooltip for a watched tab: what failed, then that it is watched and when it is asked next. */
export function watchedTitle(title: Message, watch: Watch, clock: (at: number) => string): Message {
  if (watch.pausedSince !== null) return message('toolbarTitleWatchPaused', title);
  if (watch.nextAt === null) return message('toolbarTitleWatchLast', title);
  return message('toolbarTitleWatching', title, clock(watch.nextAt));
}

/** Hours and minutes, the way the visitor's language writes them. */
export function clockTime(at: number, locale?: string, timeZone?: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit', timeZone });
}

function replace(watches: readonly Watch[], watch: Watch): Watch[] {
  return watches.map((w) => (w.id === watch.id ? watch : w));
}

/**
 * Watches as stored, each checked field by field: storage can hold an older shape or be edited by hand. An invalid
 * watch is dropped (its alarm then finds nothing and does nothing), and only the first watch of an address is kept.
 */
export function normalizeWatches(stored: unknown): Watch[] {
  if (!Array.isArray(stored)) return [];
  const watches: Watch[] = [];
  for (const raw of stored) {
    const watch = validWatch(raw);
    if (watch && !watchFor(watches, watch.url)) watches.push(watch);
  }
  return watches.slice(0, MAX_WATCHES + MAX_ENDED);
}

function validWatch(raw: unknown): Watch | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const w = raw as Record<keyof Watch, unknown>;
  const time = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  const timeOrNull = (value: unknown) => value === null || time(value);
  const valid =
    typeof w.id === 'string' &&
    NOTIFICATION.test(`watch:${w.id}`) &&
    typeof w.url === 'string' &&
    /^https?:\/\//.test(w.url) &&
    Array.isArray(w.tabIds) &&
    w.tabIds.every((id) => Number.isInteger(id)) &&
    typeof w.fromForm === 'boolean' &&
    [w.startedAt, w.deadline, w.giveUpMinutes].every(time) &&
    Number.isInteger(w.attempts) &&
    (w.attempts as number) >= 0 &&
    [w.retryAfterAt, w.lastAttemptAt, w.nextAt, w.pausedSince, w.lastStatusCode, w.endedAt].every(
      timeOrNull,
    ) &&
    (['watching', 'back', 'gave-up'] as unknown[]).includes(w.status);
  if (!valid) return null;
  const watch = raw as Watch;
  return { ...watch, url: urlKey(watch.url), tabIds: watch.tabIds.slice(-MAX_WATCH_TABS) };
}
