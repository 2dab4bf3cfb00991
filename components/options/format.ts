/**
 * Dates, durations and counts in the language the page's text is in (the catalogue's `pageLanguage`, which follows
 * the browser's language or falls back to English), through Intl so each language gets its own forms.
 */
import type { ChartUnit } from '@/lib/history/chart';

export function formatWhen(time: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

export function formatTime(time: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { timeStyle: 'medium' }).format(time);
}

const unit = (lang: string, name: 'second' | 'minute' | 'hour', value: number) =>
  new Intl.NumberFormat(lang, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);

/** `45 seconds`, `12 minutes`, `3 hours, 5 minutes`: as precise as is useful, and never a negative time. */
export function formatDuration(ms: number, lang: string): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return unit(lang, 'second', seconds);
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return unit(lang, 'minute', minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (rest === 0) return unit(lang, 'hour', hours);
  return new Intl.ListFormat(lang, { type: 'unit', style: 'long' }).format([
    unit(lang, 'hour', hours),
    unit(lang, 'minute', rest),
  ]);
}

/** How a bar of the chart is named: its day, the Monday its week starts on, or its month. */
export function formatBucket(start: number, chartUnit: ChartUnit, lang: string): string {
  const options: Intl.DateTimeFormatOptions =
    chartUnit === 'month'
      ? { month: 'short', year: 'numeric' }
      : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(lang, options).format(start);
}

/** Which of a message's two forms a count takes: English, Spanish and German all say "one" for 1 only. */
export function isOne(count: number, lang: string): boolean {
  return new Intl.PluralRules(lang).select(count) === 'one';
}
