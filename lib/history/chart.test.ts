import { describe, expect, it } from 'vitest';
import { incidentChart } from './chart';
import type { HistoryEntry } from './history';

/** Local times, so the tests hold in any time zone the machine runs in. */
const at = (year: number, month: number, day: number, hour = 12) =>
  new Date(year, month - 1, day, hour).getTime();
const day = (year: number, month: number, d: number) => new Date(year, month - 1, d).getTime();

const failure = (time: number): HistoryEntry => ({
  time,
  site: 'https://shop.example',
  origin: 'https://shop.example',
  statusCode: 502,
  gateway: null,
  recoveredAt: null,
});

describe('incidentChart', () => {
  it('draws nothing for no incidents', () => {
    expect(incidentChart([], at(2026, 3, 5))).toBeNull();
  });

  it('counts a few recent incidents per day over at least a week, up to today', () => {
    const chart = incidentChart(
      [failure(at(2026, 3, 4, 9)), failure(at(2026, 3, 4, 23)), failure(at(2026, 3, 2, 0))],
      at(2026, 3, 5),
    )!;
    expect(chart.unit).toBe('day');
    expect(chart.buckets.map((b) => b.start)).toEqual(
      [27, 28].map((d) => day(2026, 2, d)).concat([1, 2, 3, 4, 5].map((d) => day(2026, 3, d))),
    );
    expect(chart.buckets.map((b) => b.count)).toEqual([0, 0, 0, 1, 0, 2, 0]);
    expect(chart.total).toBe(3);
    expect(chart.max).toBe(2);
  });

  it('keeps calendar days across a daylight-saving change', () => {
    // Node follows TZ set at run time: Berlin's clocks go forward on 2026-03-29, a 23-hour day.
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      const chart = incidentChart([failure(at(2026, 3, 20))], at(2026, 4, 2))!;
      expect(chart.buckets.map((b) => new Date(b.start).getDate())).toEqual([
        20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 1, 2,
      ]);
      expect(chart.buckets.every((b) => new Date(b.start).getHours() === 0)).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('counts per week, from Monday, beyond a month', () => {
    // 2026-01-05 is a Monday; 2026-03-05 a Thursday.
    const chart = incidentChart(
      [failure(at(2026, 1, 7)), failure(at(2026, 1, 11)), failure(at(2026, 3, 2))],
      at(2026, 3, 5),
    )!;
    expect(chart.unit).toBe('week');
    expect(chart.buckets[0]).toEqual({ start: day(2026, 1, 5), count: 2 });
    expect(chart.buckets.at(-1)).toEqual({ start: day(2026, 3, 2), count: 1 });
    expect(chart.buckets).toHaveLength(9);
    expect(chart.total).toBe(3);
  });

  it('counts per month beyond half a year, and at most five years of months', () => {
    const chart = incidentChart(
      [failure(at(2025, 1, 31)), failure(at(2026, 3, 1)), failure(at(2026, 3, 5))],
      at(2026, 3, 5),
    )!;
    expect(chart.unit).toBe('month');
    expect(chart.buckets).toHaveLength(15);
    expect(chart.buckets[0]).toEqual({ start: day(2025, 1, 1), count: 1 });
    expect(chart.buckets.at(-1)).toEqual({ start: day(2026, 3, 1), count: 2 });

    const ancient = incidentChart([failure(0), failure(at(2026, 3, 5))], at(2026, 3, 5))!;
    expect(ancient.buckets).toHaveLength(60);
    expect(ancient.total).toBe(1);
  });

  it('counts an incident stamped after now, as when the clock was set back', () => {
    const chart = incidentChart([failure(at(2026, 3, 7))], at(2026, 3, 5))!;
    expect(chart.buckets.at(-1)).toEqual({ start: day(2026, 3, 7), count: 1 });
    expect(chart.total).toBe(1);
  });
});
