/**
 * The history as files to keep or share: JSON for programs, CSV for spreadsheets. Times are ISO 8601 in UTC so the
 * files read the same anywhere. Only what the history holds is written: never more than the visitor chose to keep.
 */
import type { HistoryEntry } from './history';

export type ExportFormat = 'json' | 'csv';

export interface ExportFile {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

const recoveredAfterSeconds = (entry: HistoryEntry) =>
  entry.recoveredAt === null ? null : Math.round((entry.recoveredAt - entry.time) / 1000);

const iso = (time: number) => new Date(time).toISOString();

export function historyJson(entries: readonly HistoryEntry[], exportedAt: number): string {
  const incidents = entries.map((entry) => ({
    time: iso(entry.time),
    site: entry.site,
    origin: entry.origin,
    statusCode: entry.statusCode,
    gateway: entry.gateway,
    recoveredAt: entry.recoveredAt === null ? null : iso(entry.recoveredAt),
    recoveredAfterSeconds: recoveredAfterSeconds(entry),
  }));
  return `${JSON.stringify({ exportedBy: 'Gateway Doctor', exportedAt: iso(exportedAt), incidents }, null, 2)}\n`;
}

export const CSV_HEADER = [
  'time',
  'site',
  'origin',
  'status',
  'gateway',
  'recovered_at',
  'recovered_after_seconds',
] as const;

/**
 * Characters a spreadsheet reads as the start of a formula (or that hide one), ASCII and full-width; a text field
 * starting with one is prefixed with an apostrophe so it stays text. A site's path is the visitor's, but a gateway's
 * error page could try to have its name read as one.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One field, quoted as RFC 4180 asks when it holds a quote, a comma or a line break (quotes doubled). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180: a header line, then one record per incident, every line ended by CRLF. */
export function historyCsv(entries: readonly HistoryEntry[]): string {
  const rows = entries.map((entry) => [
    iso(entry.time),
    entry.site,
    entry.origin,
    entry.statusCode,
    entry.gateway,
    entry.recoveredAt === null ? null : iso(entry.recoveredAt),
    recoveredAfterSeconds(entry),
  ]);
  return [CSV_HEADER, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** `gateway-doctor-history-2026-03-05.csv`, dated in the visitor's time zone. */
export function exportFile(
  format: ExportFormat,
  entries: readonly HistoryEntry[],
  now: number,
): ExportFile {
  const date = new Date(now);
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
  const name = `gateway-doctor-history-${day}.${format}`;
  return format === 'json'
    ? { name, type: 'application/json', text: historyJson(entries, now) }
    : { name, type: 'text/csv;charset=utf-8', text: historyCsv(entries) };
}
