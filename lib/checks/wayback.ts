/**
 * The Internet Archive's Wayback Machine: whether it holds a copy of a page, through its availability API, which
 * answers `{ archived_snapshots: { closest: { available, url, timestamp, status } } }`, or `{ archived_snapshots: {} }`
 * when it has none. https://archive.org/help/wayback_api.php
 */
import { displayUrl } from '../diagnosis/report';

export type ArchiveAvailability =
  | {
      readonly available: true;
      /** The capture, always on https://web.archive.org. */
      readonly snapshotUrl: string;
      /** When it was captured, epoch milliseconds. */
      readonly capturedAt: number;
    }
  | { readonly available: false };

/** The lookup for the page, which learns the page's address but never its query string or fragment. */
export function waybackAvailabilityUrl(pageUrl: string): string {
  return `https://archive.org/wayback/available?url=${encodeURIComponent(displayUrl(pageUrl, false))}`;
}

/** `20130919044612`, the archive's UTC timestamp, as epoch milliseconds. */
function captureTime(timestamp: unknown): number | undefined {
  const parts =
    typeof timestamp === 'string'
      ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(timestamp)
      : null;
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2013-13-19 over into 2014: a timestamp that does not come back the same is not a date.
  const date = new Date(time);
  return date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
    ? time
    : undefined;
}

/** A capture's address, kept only when it is the archive's own, and always over HTTPS. */
function archiveAddress(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    if (!/^https?:$/.test(parsed.protocol) || parsed.hostname !== 'web.archive.org')
      return undefined;
    if (!parsed.pathname.startsWith('/web/')) return undefined;
    parsed.protocol = 'https:';
    parsed.port = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** Reads the availability API's answer; null for anything that is not one. */
export function parseWaybackAvailability(json: unknown): ArchiveAvailability | null {
  const snapshots = (json as { archived_snapshots?: unknown } | null)?.archived_snapshots;
  if (typeof snapshots !== 'object' || snapshots === null) return null;
  const closest = (snapshots as { closest?: Record<string, unknown> }).closest;
  if (closest === undefined || closest.available === false) return { available: false };
  if (closest.available !== true) return null;
  const snapshotUrl = archiveAddress(closest.url);
  const capturedAt = captureTime(closest.timestamp);
  return snapshotUrl && capturedAt !== undefined
    ? { available: true, snapshotUrl, capturedAt }
    : null;
}
