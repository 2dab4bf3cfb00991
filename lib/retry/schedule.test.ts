import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after';
import {
  backoffRange,
  MAX_ATTEMPT_INTERVAL_MS,
  MIN_ATTEMPT_INTERVAL_MS,
  nextAttempt,
  type ScheduleState,
} from './schedule';

const START = Date.UTC(2026, 2, 20, 22, 52, 42);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const TWO_HOURS = 120 * MINUTE;

const fresh = (overrides: Partial<ScheduleState> = {}): ScheduleState => ({
  attempts: 0,
  startedAt: START,
  lastAttemptAt: null,
  deadline: START + TWO_HOURS,
  retryAfterAt: null,
  ...overrides,
});

/** Runs the schedule from its start until it gives up, each attempt drawing the next random number in turn. */
function simulate(state: ScheduleState, draws: readonly number[]): number[] {
  const times: number[] = [];
  let current = state;
  for (let i = 0; i < 1000; i++) {
    const next = nextAttempt(current, draws[i % draws.length] ?? 0);
    if (next.kind === 'give-up') return times;
    times.push(next.at);
    current = { ...current, attempts: current.attempts + 1, lastAttemptAt: next.at };
  }
  throw new Error('The schedule never gave up');
}

const gaps = (start: number, times: readonly number[]) =>
  times.map((time, i) => time - (i === 0 ? start : (times[i - 1] as number)));

describe('nextAttempt, worked examples', () => {
  it('first asks 30 s after the start at the earliest, and doubles its ceiling after each attempt', () => {
    // random 0: the lower end of each range; the ranges are [30 s, 60 s], [60 s, 120 s], ... up to [5 min, 10 min].
    expect(gaps(START, simulate(fresh(), [0]).slice(0, 8))).toEqual(
      [30, 30, 60, 120, 240, 300, 300, 300].map((s) => s * SECOND),
    );
    // A draw just below 1: the upper end of each range, the first one spread over the 30 s after the earliest.
    expect(gaps(START, simulate(fresh(), [0.999999]).slice(0, 8))).toEqual(
      [60, 60, 120, 240, 480, 600, 600, 600].map((s) => expect.closeTo(s * SECOND, -1)),
    );
  });

  it('makes its last attempt at the end the user chose, then gives up', () => {
    const times = simulate(fresh({ deadline: START + 5 * MINUTE }), [0]);
    expect(gaps(START, times)).toEqual([30, 30, 60, 120, 60].map((s) => s * SECOND));
    expect(times.at(-1)).toBe(START + 5 * MINUTE);
    const done: ScheduleState = {
      ...fresh({ deadline: START + 5 * MINUTE }),
      attempts: times.length,
      lastAttemptAt: times.at(-1)!,
    };
    expect(nextAttempt(done, 0.5)).toEqual({ kind: 'give-up' });
  });

  it('never asks sooner than the floor, even when the end is closer than that', () => {
    const state = fresh({ attempts: 3, lastAttemptAt: START + TWO_HOURS - 10 * SECOND });
    expect(nextAttempt(state, 0)).toEqual({
      kind: 'attempt',
      at: START + TWO_HOURS - 10 * SECOND + MIN_ATTEMPT_INTERVAL_MS,
    });
  });
});

describe('nextAttempt and Retry-After', () => {
  it('waits for a Retry-After in seconds (RFC 9110’s example, 120)', () => {
    const retryAfter = parseRetryAfter('120', START)!;
    expect(nextAttempt(fresh({ retryAfterAt: retryAfter.at }), 0)).toEqual({
      kind: 'attempt',
      at: START + 120 * SECOND,
    });
    expect(nextAttempt(fresh({ retryAfterAt: retryAfter.at }), 0.5)).toEqual({
      kind: 'attempt',
      at: START + 135 * SECOND,
    });
  });

  it('waits for a Retry-After HTTP-date', () => {
    // START is Fri, 20 Mar 2026 22:52:42 GMT; the date below is ten minutes later.
    const retryAfter = parseRetryAfter('Fri, 20 Mar 2026 23:02:42 GMT', START)!;
    expect(nextAttempt(fresh({ retryAfterAt: retryAfter.at }), 0)).toEqual({
      kind: 'attempt',
      at: START + 10 * MINUTE,
    });
  });

  it('keeps to the floor when the site asks for less', () => {
    const retryAfter = parseRetryAfter('0', START)!;
    expect(nextAttempt(fresh({ retryAfterAt: retryAfter.at }), 0)).toEqual({
      kind: 'attempt',
      at: START + MIN_ATTEMPT_INTERVAL_MS,
    });
  });

  it('cuts an absurd Retry-After to the watch’s end: one attempt then, and the watch gives up after it', () => {
    const retryAfter = parseRetryAfter('99999999999', START)!;
    const times = simulate(fresh({ retryAfterAt: retryAfter.at }), [0.3]);
    expect(times).toEqual([START + TWO_HOURS]);
  });

  it('ignores a Retry-After that is not a time', () => {
    expect(nextAttempt(fresh({ retryAfterAt: Number.NaN }), 0)).toEqual({
      kind: 'attempt',
      at: START + MIN_ATTEMPT_INTERVAL_MS,
    });
  });

  it('takes a draw out of [0, 1) as its nearest end, and one that is not a number as 0', () => {
    expect(nextAttempt(fresh(), -3)).toEqual(nextAttempt(fresh(), 0));
    expect(nextAttempt(fresh(), 7)).toEqual(nextAttempt(fresh(), 1));
    expect(nextAttempt(fresh(), Number.NaN)).toEqual(nextAttempt(fresh(), 0));
  });
});

describe('nextAttempt and the Retry-After of an attempt’s answer', () => {
  // The answer to the attempt made at START + 10 min, 2 s after it was asked.
  const asked = START + 10 * MINUTE;
  const answered = asked + 2 * SECOND;
  const after = (attempts: number, value: string, overrides: Partial<ScheduleState> = {}) =>
    fresh({
      attempts,
      lastAttemptAt: asked,
      retryAfterAt: parseRetryAfter(value, answered)?.at ?? null,
      ...overrides,
    });

  it('waits for a Retry-After in seconds rather than the backoff’s 30 to 60 s', () => {
    expect(nextAttempt(after(1, '300'), 0)).toEqual({
      kind: 'attempt',
      at: answered + 300 * SECOND,
    });
    // Spread over the 30 s after it, like the first attempt.
    expect(nextAttempt(after(1, '300'), 0.5)).toEqual({
      kind: 'attempt',
      at: answered + 315 * SECOND,
    });
  });

  it('waits for a Retry-After HTTP-date', () => {
    // answered is Fri, 20 Mar 2026 23:02:44 GMT; the date is five minutes after that, to the second.
    expect(nextAttempt(after(2, 'Fri, 20 Mar 2026 23:07:44 GMT'), 0)).toEqual({
      kind: 'attempt',
      at: answered + 5 * MINUTE,
    });
    // The obsolete forms too (RFC 9110 §5.6.7).
    expect(nextAttempt(after(2, 'Friday, 20-Mar-26 23:07:44 GMT'), 0)).toEqual(
      nextAttempt(after(2, 'Fri Mar 20 23:07:44 2026'), 0),
    );
  });

  it('keeps to the backoff when the site asks for less, or for a moment already past', () => {
    // Four attempts made: the backoff is [4 min, 8 min].
    for (const value of ['0', '1', '120', 'Fri, 20 Mar 2026 22:00:00 GMT'])
      expect(nextAttempt(after(4, value), 0)).toEqual({ kind: 'attempt', at: asked + 4 * MINUTE });
  });

  it('never asks sooner than the floor after the last attempt', () => {
    expect(nextAttempt(after(1, '1'), 0)).toEqual({
      kind: 'attempt',
      at: asked + MIN_ATTEMPT_INTERVAL_MS,
    });
  });

  it('honours a Retry-After beyond the cap: the site said when', () => {
    expect(nextAttempt(after(8, '3600'), 0)).toEqual({
      kind: 'attempt',
      at: answered + 60 * MINUTE,
    });
  });

  it('cuts a Retry-After past the end to the end, and gives up after that attempt', () => {
    const absurd = after(3, '99999999999');
    expect(nextAttempt(absurd, 0.7)).toEqual({ kind: 'attempt', at: START + TWO_HOURS });
    const last = { ...absurd, attempts: 4, lastAttemptAt: START + TWO_HOURS };
    expect(nextAttempt(last, 0.7)).toEqual({ kind: 'give-up' });
    // Near the end, the floor still holds: one more attempt a floor later, past the end.
    const close = after(3, '600', { deadline: asked + 10 * SECOND });
    expect(nextAttempt(close, 0)).toEqual({ kind: 'attempt', at: asked + MIN_ATTEMPT_INTERVAL_MS });
  });

  it('ignores one that is not a time', () => {
    const plain = fresh({ attempts: 1, lastAttemptAt: asked });
    for (const retryAfterAt of [Number.NaN, Number.POSITIVE_INFINITY, null])
      expect(nextAttempt({ ...plain, retryAfterAt }, 0.4)).toEqual(nextAttempt(plain, 0.4));
  });

  it('always: at least the floor after the last attempt, no sooner than asked unless the end comes first, never past the end but by the floor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 0, max: 4 * 60 * 60 }),
        fc.integer({ min: 0, max: 48 * 60 * 60 }),
        (attempts, random, secondsLeft, retryAfterSeconds) => {
          const state = after(attempts, String(retryAfterSeconds), {
            deadline: asked + secondsLeft * SECOND,
          });
          const next = nextAttempt(state, random);
          if (secondsLeft === 0) {
            expect(next).toEqual({ kind: 'give-up' });
            return;
          }
          expect(next.kind).toBe('attempt');
          const at = (next as { at: number }).at;
          expect(at).toBeGreaterThanOrEqual(asked + MIN_ATTEMPT_INTERVAL_MS);
          expect(at).toBeGreaterThanOrEqual(Math.min(state.retryAfterAt!, state.deadline));
          expect(at).toBeLessThanOrEqual(Math.max(state.deadline, asked + MIN_ATTEMPT_INTERVAL_MS));
        },
      ),
    );
  });

  it('a site answering every attempt with a Retry-After is asked until the end, then given up on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 24 * 60 }),
        fc.array(fc.integer({ min: 0, max: 2 * 60 * 60 }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (giveUpMinutes, retryAfters, random) => {
          let state = fresh({ deadline: START + giveUpMinutes * MINUTE });
          const times: number[] = [];
          for (let i = 0; i < 1000; i++) {
            const next = nextAttempt(state, random);
            if (next.kind === 'give-up') break;
            times.push(next.at);
            const seconds = String(retryAfters[i % retryAfters.length]);
            state = {
              ...state,
              attempts: state.attempts + 1,
              lastAttemptAt: next.at,
              retryAfterAt: parseRetryAfter(seconds, next.at)!.at,
            };
          }
          expect(times.at(-1)).toBeGreaterThanOrEqual(state.deadline);
          for (const gap of gaps(START, times).slice(1))
            expect(gap).toBeGreaterThanOrEqual(MIN_ATTEMPT_INTERVAL_MS);
          expect(times.slice(0, -1).every((time) => time < state.deadline)).toBe(true);
        },
      ),
    );
  });
});

describe('backoffRange', () => {
  it('doubles from the floor to the cap, each range spanning half to all of its ceiling', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map(backoffRange)).toEqual(
      [
        [30, 30],
        [30, 60],
        [60, 120],
        [120, 240],
        [240, 480],
        [300, 600],
        [300, 600],
        [300, 600],
      ].map(([min, max]) => ({ min: min! * SECOND, max: max! * SECOND })),
    );
  });

  it('only ever grows, within the floor and the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (attempts) => {
        const range = backoffRange(attempts);
        const later = backoffRange(attempts + 1);
        expect(range.min).toBeGreaterThanOrEqual(MIN_ATTEMPT_INTERVAL_MS);
        expect(range.max).toBeLessThanOrEqual(MAX_ATTEMPT_INTERVAL_MS);
        expect(range.min).toBeLessThanOrEqual(range.max);
        expect(later.min).toBeGreaterThanOrEqual(range.min);
        expect(later.max).toBeGreaterThanOrEqual(range.max);
      }),
    );
  });
});

describe('nextAttempt, properties', () => {
  const draw = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
  const watch = fc.record({
    giveUpMinutes: fc.integer({ min: 5, max: 24 * 60 }),
    retryAfterSeconds: fc.option(fc.integer({ min: 1, max: 24 * 60 * 60 }), { nil: null }),
    draws: fc.array(draw, { minLength: 1, maxLength: 50 }),
  });
  const stateOf = ({
    giveUpMinutes,
    retryAfterSeconds,
  }: {
    giveUpMinutes: number;
    retryAfterSeconds: number | null;
  }) =>
    fresh({
      deadline: START + giveUpMinutes * MINUTE,
      retryAfterAt: retryAfterSeconds === null ? null : START + retryAfterSeconds * SECOND,
    });

  it('never waits less than the floor between two attempts, nor after the start', () => {
    fc.assert(
      fc.property(watch, (w) => {
        for (const gap of gaps(START, simulate(stateOf(w), w.draws)))
          expect(gap).toBeGreaterThanOrEqual(MIN_ATTEMPT_INTERVAL_MS);
      }),
    );
  });

  it('never waits longer than the cap after the first attempt', () => {
    fc.assert(
      fc.property(watch, (w) => {
        for (const gap of gaps(START, simulate(stateOf(w), w.draws)).slice(1))
          expect(gap).toBeLessThanOrEqual(MAX_ATTEMPT_INTERVAL_MS);
      }),
    );
  });

  it('keeps each jittered wait inside its range unless the end cuts it short', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        draw,
        fc.integer({ min: 0, max: 10 * 60 * 60 }),
        (attempts, random, secondsIn) => {
          const lastAttemptAt = START + secondsIn * SECOND;
          const far = fresh({
            attempts,
            lastAttemptAt,
            deadline: lastAttemptAt + 24 * 60 * MINUTE,
          });
          const next = nextAttempt(far, random);
          const { min, max } = backoffRange(attempts);
          expect(next.kind).toBe('attempt');
          const gap = (next as { at: number }).at - lastAttemptAt;
          expect(gap).toBeGreaterThanOrEqual(min);
          expect(gap).toBeLessThanOrEqual(max);
        },
      ),
    );
  });

  it('spreads visitors: different draws give different times within one range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), draw, draw, (attempts, a, b) => {
        fc.pre(Math.abs(a - b) > 1e-6);
        const state = fresh({ attempts, lastAttemptAt: START, deadline: START + 24 * 60 * MINUTE });
        expect(nextAttempt(state, a)).not.toEqual(nextAttempt(state, b));
      }),
    );
  });

  it('honours Retry-After for the first attempt, up to the end', () => {
    fc.assert(
      fc.property(watch, (w) => {
        const state = stateOf(w);
        const [first] = simulate(state, w.draws);
        const asked = Math.max(state.retryAfterAt ?? 0, START + MIN_ATTEMPT_INTERVAL_MS);
        expect(first).toBeGreaterThanOrEqual(Math.min(asked, state.deadline));
        expect(first).toBeLessThanOrEqual(
          Math.min(asked + MIN_ATTEMPT_INTERVAL_MS, state.deadline),
        );
      }),
    );
  });

  it('gives up after the end the user chose, its last attempt at the end, none after', () => {
    fc.assert(
      fc.property(watch, (w) => {
        const state = stateOf(w);
        const times = simulate(state, w.draws);
        expect(times.at(-1)).toBeGreaterThanOrEqual(state.deadline);
        expect(times.at(-1)).toBeLessThanOrEqual(state.deadline + MIN_ATTEMPT_INTERVAL_MS);
        expect(times.slice(0, -1).every((time) => time < state.deadline)).toBe(true);
        // At most one attempt per floor.
        expect(times.length).toBeLessThanOrEqual(
          Math.ceil((state.deadline - START) / MIN_ATTEMPT_INTERVAL_MS) + 1,
        );
      }),
    );
  });
});
