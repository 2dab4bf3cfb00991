import type { HeaderEntry } from './types';

/**
 * Case-insensitive access to a response's headers. Header names and values come straight from the network: any size,
 * any casing, duplicates, missing values. Lookups never throw; values are trimmed and capped so a hostile server
 * cannot make one lookup expensive for everything that follows.
 */
export interface Headers {
  /** The first value of a header, or undefined. */
  get(name: string): string | undefined;
  /** Every value of a header, in the order received. */
  all(name: string): readonly string[];
  has(name: string): boolean;
  /** Lower-cased names of every header present. */
  names(): IterableIterator<string>;
}

/** Longer values are cut here: no header the engine reads is legitimately longer. */
export const MAX_HEADER_VALUE_LENGTH = 4096;
/** Headers beyond this many are ignored. Real responses carry a few dozen. */
export const MAX_HEADERS = 512;

export function indexHeaders(entries: readonly HeaderEntry[] | undefined): Headers {
  const byName = new Map<string, string[]>();
  for (const entry of (entries ?? []).slice(0, MAX_HEADERS)) {
    if (typeof entry?.name !== 'string') continue;
    const name = entry.name.trim().toLowerCase();
    if (name === '') continue;
    const value =
      typeof entry.value === 'string' ? entry.value.slice(0, MAX_HEADER_VALUE_LENGTH).trim() : '';
    const values = byName.get(name);
    if (values) values.push(value);
    else byName.set(name, [value]);
  }
  return {
    get: (name) => byName.get(name.toLowerCase())?.[0],
    all: (name) => byName.get(name.toLowerCase()) ?? [],
    has: (name) => byName.has(name.toLowerCase()),
    names: () => byName.keys(),
  };
}
