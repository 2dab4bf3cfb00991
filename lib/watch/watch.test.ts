import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTranslator, message } from '../i18n/messages';
import { parseRetryAfter } from '../retry/retry-after';
import english from '../../public/_locales/en/messages.json';
import {
  alarmName,
  claimAttempt,
  clockTime,
  ENDED_KEPT_MS,
  MAX_WATCH_TABS,
  MAX_WATCHES,
  normalizeWatches,
  notificationId,
  parseAlarmName,
  pauseWatch,
  listedWatches,
  pruneWatches,
  recordProbe,
  startWatch,
  stopWatch,
  stopWatchById,
  watchedTitle,
  watchIdOfNotification,
  watchView,
  type Watch,
  type WatchRequest,
} from './watch';

const START = Date.UTC(2026, 2, 20, 22, 52, 42);
const BACK = { back: true, statusCode: 200, retryAfterAt: null };
const MINUTE = 60_000;
const request = (overrides: Partial<WatchRequest> = {}): WatchRequest => ({
  id: 'w1',
  url: 'https://shop.example/cart#pay',
  tabId: 3,
  fromForm: false,
  retryAfterAt: null,
  giveUpMinutes: 120,
  now: START,
  ...overrides,
});

const started = (overrides: Partial<WatchRequest> = {}) => {
  const { watches, result } = startWatch([], request(overrides), 0);
  if (result.kind === 'cap') throw new Error('capped');
  return { watches, watch: result.watch };
};

describe('startWatch', () => {
  it('watches the address without its fragment, first asking 30 s later', () => {
    const { watch } = started();
    expect(watch).toMatchObject({
      url: 'https://shop.example/cart',
      tabIds: [3],
      status: 'watching',
      attempts: 0,
      nextAt: START + 30_000,
      deadline: START + 120 * MINUTE,
    });
  });

  it('first waits for the Retry-After the site sent', () => {
    expect(started({ retryAfterAt: START + 5 * MINUTE }).watch.nextAt).toBe(START + 5 * MINUTE);
  });

  it('joins the running watch of the same address instead of starting another', () => {
    const { watches, watch } = started();
    const again = startWatch(watches, request({ id: 'w2', tabId: 8, url: watch.url }), 0.9);
    expect(again.result).toEqual({ kind: 'joined', watch: { ...watch, tabIds: [3, 8] } });
    expect(again.watches).toHaveLength(1);
    // The same tab asking twice is one tab.
    const twice = startWatch(again.watches, request({ id: 'w3', tabId: 8 }), 0);
    expect(twice.watches[0]?.tabIds).toEqual([3, 8]);
  });

  it('keeps the most recent tabs when many ask for one address', () => {
    let { watches } = started();
    for (let tabId = 100; tabId < 120; tabId++)
      watches = startWatch(watches, request({ tabId }), 0).watches;
    expect(watches[0]?.tabIds).toEqual(Array.from({ length: MAX_WATCH_TABS }, (_, i) => 110 + i));
  });

  it('starts afresh over an ended watch of the same address', () => {
    const { watches } = started();
    const ended = recordProbe(
      claimAttempt(watches, 'w1', 0, START + 30_000, 0).watches,
      'w1',
      1,
      BACK,
      START + 30_000,
      0,
    ).watches;
    const again = startWatch(ended, request({ id: 'w2', now: START + MINUTE }), 0);
    expect(again.result).toMatchObject({ kind: 'started', watch: { id: 'w2', attempts: 0 } });
    expect(again.watches.map((w) => w.id)).toEqual(['w2']);
  });

  it(`refuses an address more than ${MAX_WATCHES} running watches, not counting ended ones`, () => {
    let watches: readonly Watch[] = [];
    for (let i = 0; i < MAX_WATCHES; i++)
      watches = startWatch(
        watches,
        request({ id: `w${i}`, url: `https://s${i}.example/` }),
        0,
      ).watches;
    const refused = startWatch(watches, request({ id: 'x', url: 'https://x.example/' }), 0);
    expect(refused).toEqual({ watches, result: { kind: 'cap' } });
    const oneEnded = watches.map((w, i) => (i === 0 ? { ...w, status: 'gave-up' as const } : w));
    expect(
      startWatch(oneEnded, request({ id: 'x', url: 'https://x.example/' }), 0).result.kind,
    ).toBe('started');
  });
});

describe('claimAttempt', () => {
  it('claims the attempt its alarm names, once', () => {
    const { watches } = started();
    const first = claimAttempt(watches, 'w1', 0, START + 30_000, 0);
    expect(first.result).toMatchObject({
      attempts: 1,
      lastAttemptAt: START + 30_000,
      nextAt: START + 60_000,
    });
    const duplicate = claimAttempt(first.watches, 'w1', 0, START + 31_000, 0);
    expect(duplicate).toEqual({ watches: first.watches, result: null });
  });

  it('claims nothing for an unknown or ended watch', () => {
    const { watches } = started();
    expect(claimAttempt(watches, 'other', 0, START, 0).result).toBeNull();
    const ended = watches.map((w) => ({ ...w, status: 'back' as const }));
    expect(claimAttempt(ended, 'w1', 0, START, 0).result).toBeNull();
  });

  it('leaves no next attempt once the end is reached: that attempt is the last', () => {
    const { watches } = started({ giveUpMinutes: 5 });
    expect(claimAttempt(watches, 'w1', 0, START + 5 * MINUTE, 0).result?.nextAt).toBeNull();
  });
});

describe('pauseWatch', () => {
  it('pauses from the first offline alarm on, and the claim after it moves the end back', () => {
    const { watches } = started();
    const paused = pauseWatch(watches, 'w1', 0, START + 30_000);
    const still = pauseWatch(paused.watches, 'w1', 0, START + 60_000);
    expect(still.result).toMatchObject({ pausedSince: START + 30_000, attempts: 0 });
    const resumed = claimAttempt(still.watches, 'w1', 0, START + 30_000 + 7 * MINUTE, 0).result;
    expect(resumed).toMatchObject({ pausedSince: null, attempts: 1 });
    expect(resumed?.deadline).toBe(START + 127 * MINUTE);
  });

  it('does not pause an attempt already made', () => {
    const { watches } = started();
    const claimed = claimAttempt(watches, 'w1', 0, START + 30_000, 0).watches;
    expect(pauseWatch(claimed, 'w1', 0, START + 40_000).result).toBeNull();
  });
});

describe('recordProbe', () => {
  const claimed = (giveUpMinutes = 120, at = START + 30_000) =>
    claimAttempt(started({ giveUpMinutes }).watches, 'w1', 0, at, 0).watches;

  it('ends the watch when the site is back', () => {
    const { result } = recordProbe(claimed(), 'w1', 1, BACK, START + 31_000, 0);
    expect(result).toMatchObject({
      status: 'back',
      endedAt: START + 31_000,
      nextAt: null,
      lastStatusCode: 200,
    });
  });

  it('keeps watching after a failure while attempts are left, and gives up after the last', () => {
    const failing = { back: false, statusCode: 0, retryAfterAt: null };
    expect(recordProbe(claimed(), 'w1', 1, failing, START, 0).result).toMatchObject({
      status: 'watching',
      lastStatusCode: 0,
      nextAt: START + 60_000,
    });
    const last = claimed(5, START + 5 * MINUTE);
    expect(recordProbe(last, 'w1', 1, failing, START + 5 * MINUTE, 0).result).toMatchObject({
      status: 'gave-up',
      endedAt: START + 5 * MINUTE,
    });
  });

  it('moves the next attempt to the Retry-After of a failed answer, and keeps it where it was without one', () => {
    // Claimed at START + 30 s: the next attempt 30 to 60 s later; the answer came 1 s after asking.
    const answered = START + 31_000;
    const busy = (value: string) => ({
      back: false,
      statusCode: 503,
      retryAfterAt: parseRetryAfter(value, answered)!.at,
    });
    expect(recordProbe(claimed(), 'w1', 1, busy('600'), answered, 0).result).toMatchObject({
      status: 'watching',
      lastStatusCode: 503,
      retryAfterAt: answered + 10 * MINUTE,
      nextAt: answered + 10 * MINUTE,
    });
    // Fri, 20 Mar 2026 22:53:13 GMT is `answered`; the date asks for a quarter of an hour later.
    const dated = recordProbe(
      claimed(),
      'w1',
      1,
      busy('Fri, 20 Mar 2026 23:08:13 GMT'),
      answered,
      0.5,
    );
    expect(dated.result?.nextAt).toBe(answered + 15 * MINUTE + 15_000);
    // No further than the end the user chose.
    const short = recordProbe(claimed(5), 'w1', 1, busy('3600'), answered, 0);
    expect(short.result?.nextAt).toBe(START + 5 * MINUTE);
    // Sooner than the backoff: the backoff holds (random 0: 30 s after the attempt).
    expect(recordProbe(claimed(), 'w1', 1, busy('1'), answered, 0).result?.nextAt).toBe(
      START + 60_000,
    );
    const quiet = { back: false, statusCode: 502, retryAfterAt: null };
    expect(recordProbe(claimed(), 'w1', 1, quiet, answered, 0.9).result).toMatchObject({
      nextAt: START + 60_000,
      retryAfterAt: null,
    });
  });

  it('gives up after the last attempt whatever its Retry-After asks', () => {
    const last = claimed(5, START + 5 * MINUTE);
    const busy = { back: false, statusCode: 503, retryAfterAt: START + 20 * MINUTE };
    expect(recordProbe(last, 'w1', 1, busy, START + 5 * MINUTE, 0).result).toMatchObject({
      status: 'gave-up',
      nextAt: null,
    });
  });

  it('ignores the answer to an attempt the watch is past, or of a watch stopped meanwhile', () => {
    const watches = claimed();
    expect(recordProbe(watches, 'w1', 0, BACK, START, 0).result).toBeNull();
    const stopped = stopWatch(watches, 'https://shop.example/cart').watches;
    expect(recordProbe(stopped, 'w1', 1, BACK, START, 0).result).toBeNull();
  });
});

describe('stopWatch and pruneWatches', () => {
  it('stops by address, fragment or not, and stopping twice changes nothing', () => {
    const { watches } = started();
    const stopped = stopWatch(watches, 'https://shop.example/cart#top');
    expect(stopped).toMatchObject({ watches: [], result: { id: 'w1' } });
    expect(stopWatch(stopped.watches, 'https://shop.example/cart').result).toBeNull();
  });

  it('stops by id, whatever the watch is doing, and an unknown id changes nothing', () => {
    const { watches } = started();
    const other = startWatch(watches, request({ id: 'w2', url: 'https://b.example/' }), 0);
    const ended = other.watches.map((w) => (w.id === 'w2' ? { ...w, status: 'back' as const } : w));
    expect(stopWatchById(ended, 'w2')).toMatchObject({
      watches: [{ id: 'w1' }],
      result: { id: 'w2' },
    });
    expect(stopWatchById(ended, 'w1').watches.map((w) => w.id)).toEqual(['w2']);
    expect(stopWatchById(ended, 'nope')).toEqual({ watches: ended, result: null });
  });

  it('lists running watches first, oldest first, then ended ones, newest first', () => {
    const { watch } = started();
    const at = (
      id: string,
      startedAt: number,
      status: Watch['status'],
      endedAt: number | null,
    ) => ({
      ...watch,
      id,
      url: `https://${id}.example/`,
      startedAt,
      status,
      endedAt,
    });
    const listed = listedWatches([
      at('endedEarly', START, 'gave-up', START + MINUTE),
      at('late', START + 2 * MINUTE, 'watching', null),
      at('endedLate', START, 'back', START + 3 * MINUTE),
      at('early', START + MINUTE, 'watching', null),
    ]);
    expect(listed.map((w) => w.id)).toEqual(['early', 'late', 'endedLate', 'endedEarly']);
  });

  it('keeps running watches, and ended ones for a day', () => {
    const { watch } = started();
    const back = {
      ...watch,
      id: 'b',
      url: 'https://b.example/',
      status: 'back' as const,
      endedAt: START,
    };
    const old = { ...back, id: 'o', url: 'https://o.example/', endedAt: START - ENDED_KEPT_MS };
    expect(pruneWatches([watch, back, old], START + 1).map((w) => w.id)).toEqual(['w1', 'b']);
  });
});

describe('watchView', () => {
  it('tells the page what the watch is doing', () => {
    const { watch } = started({ fromForm: true });
    expect(watchView(undefined, true)).toEqual({ kind: 'idle', fromForm: true });
    expect(watchView(watch, true)).toEqual({
      kind: 'watching',
      fromForm: true,
      nextAt: START + 30_000,
      paused: false,
    });
    expect(watchView({ ...watch, pausedSince: START }, true)).toMatchObject({
      paused: true,
      nextAt: null,
    });
    expect(watchView({ ...watch, status: 'back', endedAt: START + MINUTE }, true)).toEqual({
      kind: 'back',
      fromForm: true,
      at: START + MINUTE,
    });
    expect(watchView({ ...watch, status: 'gave-up', endedAt: START + 2 * MINUTE }, true)).toEqual({
      kind: 'gave-up',
      fromForm: true,
      at: START + 2 * MINUTE,
      minutes: 120,
    });
  });
});

describe('alarm and notification names', () => {
  it('name the watch and, for alarms, the attempt', () => {
    expect(alarmName({ id: 'a-1', attempts: 12 })).toBe('watch:a-1:12');
    expect(parseAlarmName('watch:a-1:12')).toEqual({ id: 'a-1', attempt: 12 });
    expect(watchIdOfNotification(notificationId({ id: 'a-1' }))).toBe('a-1');
  });

  it.each([
    'watch:',
    'watch:a',
    'watch:a:',
    'watch:a:-1',
    'watch:a:1:2',
    'other:a:1',
    'watch:a b:1',
  ])('read %s as no watch’s alarm', (name) => expect(parseAlarmName(name)).toBeNull());
});

describe('watchedTitle', () => {
  const translate = createTranslator(english);
  const title = message('toolbarTitle', '502 Bad Gateway', 'nginx could not reach the server');
  const { watch } = started();

  it('adds when the page is asked next, or that the watch is paused or on its last attempt', () => {
    const clock = (at: number) => new Date(at).toISOString().slice(11, 16);
    expect(translate(watchedTitle(title, watch, clock))).toBe(
      '502 Bad Gateway: nginx could not reach the server\nGateway Doctor is watching this page: next check at 22:53.',
    );
    expect(translate(watchedTitle(title, { ...watch, pausedSince: START }, clock))).toBe(
      '502 Bad Gateway: nginx could not reach the server\nGateway Doctor is watching this page, paused while you are offline.',
    );
    expect(translate(watchedTitle(title, { ...watch, nextAt: null }, clock))).toMatch(
      /checking it one last time\.$/,
    );
  });

  it('writes hours and minutes the way the locale does', () => {
    expect(clockTime(Date.UTC(2026, 2, 20, 14, 5), 'en-GB', 'UTC')).toBe('14:05');
    // ICU versions differ on the space before PM (a narrow no-break space in newer ones).
    expect(clockTime(Date.UTC(2026, 2, 20, 14, 5), 'en-US', 'UTC').replace(/\s/g, ' ')).toBe(
      '2:05 PM',
    );
    expect(clockTime(Date.UTC(2026, 2, 20, 14, 5), 'de-DE', 'Europe/Berlin')).toBe('15:05');
  });
});

describe('normalizeWatches', () => {
  it('keeps valid watches and drops what is not one', () => {
    const { watch } = started();
    expect(
      normalizeWatches([
        watch,
        { ...watch, id: 'dup' },
        { ...watch, id: 'bad id!', url: 'https://a.example/' },
        { ...watch, id: 'ftp', url: 'ftp://a.example/' },
        { ...watch, id: 'nan', url: 'https://n.example/', deadline: Number.NaN },
        { ...watch, id: 'st', url: 'https://s.example/', status: 'sleeping' },
        null,
        'watch',
      ]),
    ).toEqual([watch]);
    expect(normalizeWatches(undefined)).toEqual([]);
    expect(normalizeWatches({ watch })).toEqual([]);
  });

  it('never throws on anything stored', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        expect(Array.isArray(normalizeWatches(stored))).toBe(true);
      }),
    );
  });
});
