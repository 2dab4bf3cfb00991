/**
 * The history chart's data: incidents counted per day, week or month in the visitor's own time zone, from the bucket
 * of the oldest incident shown to the bucket of today, so a quiet stretch since the last failure shows as one. The
 * unit grows with the span so the chart keeps a readable number of bars (history holds at most 200 entries, which
 * may stretch over years), up to five years back.
 */
import type { HistoryEntry } from './history';

export type ChartUnit = 'day' | 'week' | 'month';

export interface ChartBucket {
  /** Local midnight starting the bucket, epoch ms. */
  readonly start: number;
  readonly count: number;
}

export interface IncidentChart {
  readonly unit: ChartUnit;
  readonly buckets: readonly ChartBucket[];
  readonly total: number;
  /** The largest count in one bucket: the chart's scale. */
  readonly max: number;
}

/** Day bars up to a month, week bars up to half a year, month bars beyond. */
const MAX_DAY_BARS = 31;
const MAX_WEEK_BARS = 26;
/** Five years of months; an entry older than that (a clock far off when it was stored) falls outside the chart. */
const MAX_MONTH_BARS = 60;
/** Fewer bars than this and one incident is drawn as a slab: a week of days at least. */
const MIN_BARS = 7;

function startOf(unit: ChartUnit, time: number): Date {
  const date = new Date(time);
  if (unit === 'month') return new Date(date.getFullYear(), date.getMonth(), 1);
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  // Weeks start on Monday (ISO 8601); getDay() counts from Sunday.
  if (unit === 'week') day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  return day;
}

/** Calendar arithmetic, not milliseconds: a day across a daylight-saving change is 23 or 25 hours long. */
function step(unit: ChartUnit, start: Date, by: 1 | -1): Date {
  if (unit === 'month') return new Date(start.getFullYear(), start.getMonth() + by, 1);
  const days = unit === 'week' ? 7 * by : by;
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + days);
}

/**
 * The starts of the buckets from the one holding `from` to the one holding `to`, oldest first, but only the newest
 * `limit` of them: `complete` says whether they reach back to `from`. Counted back from `to`, so an absurdly old
 * timestamp costs no more than `limit` steps.
 */
function bucketsBetween(
  unit: ChartUnit,
  from: number,
  to: number,
  limit: number,
): { starts: Date[]; complete: boolean } {
  // A time outside the range a Date can hold reads as "as far back as there is".
  const first = startOf(unit, from).getTime();
  const floor = Number.isNaN(first) ? -Infinity : first;
  const starts: Date[] = [];
  let start = startOf(unit, to);
  while (starts.length < limit && start.getTime() >= floor) {
    starts.unshift(start);
    start = step(unit, start, -1);
  }
  return { starts, complete: start.getTime() < floor };
}

export function incidentChart(entries: readonly HistoryEntry[], now: number): IncidentChart | null {
  if (entries.length === 0) return null;
  const times = entries.map((entry) => entry.time);
  const oldest = Math.min(now, ...times);
  // An entry stamped after now (the clock was set back since) still counts.
  const newest = Math.max(now, ...times);
  const byDay = bucketsBetween('day', oldest, newest, MAX_DAY_BARS);
  const byWeek = bucketsBetween('week', oldest, newest, MAX_WEEK_BARS);
  const [unit, starts]: [ChartUnit, Date[]] = byDay.complete
    ? [
        'day',
        byDay.starts.length < MIN_BARS
          ? bucketsBetween('day', -Infinity, newest, MIN_BARS).starts
          : byDay.starts,
      ]
    : byWeek.complete
      ? ['week', byWeek.starts]
      : ['month', bucketsBetween('month', oldest, newest, MAX_MONTH_BARS).starts];
  const counts = new Map(starts.map((start) => [start.getTime(), 0]));
  for (const entry of entries) {
    const key = startOf(unit, entry.time).getTime();
    const count = counts.get(key);
    if (count !== undefined) counts.set(key, count + 1);
  }
  const buckets = starts.map((start) => ({
    start: start.getTime(),
    count: counts.get(start.getTime()) ?? 0,
  }));
  return {
    unit,
    buckets,
    total: buckets.reduce((sum, bucket) => sum + bucket.count, 0),
    max: Math.max(...buckets.map((bucket) => bucket.count)),
  };
}
