import type { RetryAfter } from '../diagnosis/types';

/**
 * `Retry-After` is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3,
 * https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3). The waits are clamped: below one second a retry would
 * hammer a struggling site, and beyond one day the value is more likely a misconfiguration than a plan worth
 * keeping a tab waiting for.
 */
export const MIN_RETRY_AFTER_SECONDS = 1;
export const MAX_RETRY_AFTER_SECONDS = 24 * 60 * 60;

/** Longer values are not a number or a date a server meant; they are not worth scanning. */
const MAX_VALUE_LENGTH = 64;

const DELAY_SECONDS = /^\d+$/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// The three HTTP-date forms of RFC 9110 §5.6.7: IMF-fixdate, and the obsolete rfc850-date and asctime-date that
// recipients must still accept. Day names are checked for shape only, as the RFC lets recipients ignore them.
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const RFC850_DATE = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const ASCTIME_DATE = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

/** When the server asks the visitor to come back, or null when the value is absent or not a Retry-After value. */
export function parseRetryAfter(value: string | undefined, now: number): RetryAfter | null {
  if (typeof value !== 'string' || !Number.isFinite(now)) return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > MAX_VALUE_LENGTH) return null;
  const seconds = DELAY_SECONDS.test(trimmed)
    ? Number(trimmed)
    : secondsUntil(parseHttpDate(trimmed, now), now);
  if (seconds === null) return null;
  const clamped = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(MIN_RETRY_AFTER_SECONDS, seconds));
  return { seconds: clamped, at: now + clamped * 1000 };
}

function secondsUntil(date: number | null, now: number): number | null {
  return date === null ? null : Math.ceil((date - now) / 1000);
}

/** Epoch milliseconds of an HTTP-date in any of its three forms, or null. */
export function parseHttpDate(value: string, now: number): number | null {
  const imf = IMF_FIXDATE.exec(value);
  if (imf) return utc(imf[3], imf[2], imf[1], imf[4], imf[5], imf[6]);
  const rfc850 = RFC850_DATE.exec(value);
  if (rfc850) {
    return utc(twoDigitYear(rfc850[3], now), rfc850[2], rfc850[1], rfc850[4], rfc850[5], rfc850[6]);
  }
  const asctime = ASCTIME_DATE.exec(value);
  if (asctime) return utc(asctime[6], asctime[1], asctime[2], asctime[3], asctime[4], asctime[5]);
  return null;
}

/**
 * RFC 9110 §5.6.7: a two-digit year that would be more than 50 years in the future is the most recent past year
 * with the same last two digits.
 */
function twoDigitYear(digits: string | undefined, now: number): string {
  const currentYear = new Date(now).getUTCFullYear();
  const century = Math.floor(currentYear / 100) * 100;
  const year = century + Number(digits);
  return String(year > currentYear + 50 ? year - 100 : year);
}

function utc(
  year: string | undefined,
  monthName: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
): number | null {
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase());
  const fields = [year, day, hour, minute, second].map((field) => Number((field ?? '').trim()));
  const [y, d, h, m, s] = fields as [number, number, number, number, number];
  if (month < 0 || d < 1 || d > 31 || h > 23 || m > 59 || s > 60) return null;
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as written.
  const date = new Date(0);
  date.setUTCFullYear(y, month, d);
  // A leap second (:60) is the last second of its minute for the purpose of waiting.
  date.setUTCHours(h, m, Math.min(s, 59));
  // 31 Feb would roll over into March; a date that does not exist is not a date the server meant.
  return date.getUTCDate() === d ? date.getTime() : null;
}
