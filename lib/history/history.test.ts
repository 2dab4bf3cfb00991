import { describe, expect, it } from 'vitest';
import {
  MAX_HISTORY,
  normalizeHistory,
  siteFor,
  withIncident,
  withRecovery,
  type HistoryEntry,
} from './history';

const entry = (time: number, site = 'https://shop.example', statusCode = 502): HistoryEntry => ({
  time,
  site,
  origin: site,
  statusCode,
  gateway: 'Cloudflare',
  recoveredAt: null,
});

describe('history', () => {
  it('keeps the origin by default and never the query string', () => {
    expect(siteFor('https://shop.example/cart?session=secret#x', 'origin')).toEqual({
      site: 'https://shop.example',
      origin: 'https://shop.example',
    });
    expect(siteFor('https://shop.example/cart?session=secret#x', 'full')?.site).toBe(
      'https://shop.example/cart',
    );
    expect(siteFor('chrome-extension://abc/explain.html', 'origin')).toBeNull();
    expect(siteFor('not a url', 'origin')).toBeNull();
  });

  it('adds new incidents first, folds repeats of an open one, and stays bounded', () => {
    let history: HistoryEntry[] = [];
    history = withIncident(history, entry(1000));
    history = withIncident(history, entry(2000));
    expect(history).toHaveLength(1);
    for (let i = 0; i < 1000; i++)
      history = withIncident(history, entry(10_000 + i, `https://s${i}.example`));
    expect(history).toHaveLength(MAX_HISTORY);
    expect(history[0]?.site).toBe('https://s999.example');
  });

  it('folds failures of one site recorded out of order into one incident, from the earliest', () => {
    let history = withIncident([], entry(5000));
    history = withIncident(history, entry(3000));
    history = withIncident(history, entry(4000));
    expect(history).toEqual([entry(3000)]);
  });

  it('writes no time it could not read back', () => {
    const history = withIncident([], entry(Number.MAX_SAFE_INTEGER));
    expect(history).toEqual([]);
    const open = withIncident([], entry(1000));
    expect(withRecovery(open, 'https://shop.example', Number.MAX_SAFE_INTEGER)).toEqual(open);
    expect(normalizeHistory(withRecovery(open, 'https://shop.example', 5000))).toHaveLength(1);
  });

  it('marks an origin’s open incidents recovered, and a later failure is a new incident', () => {
    let history = withIncident([], entry(1000));
    history = withRecovery(history, 'https://shop.example', 5000);
    expect(history[0]?.recoveredAt).toBe(5000);
    history = withIncident(history, entry(6000));
    expect(history.map((e) => e.recoveredAt)).toEqual([null, 5000]);
  });

  it('drops malformed stored entries and keeps the rest', () => {
    expect(normalizeHistory('garbage')).toEqual([]);
    expect(
      normalizeHistory([entry(1), { time: 'x' }, null, 42, { ...entry(2), gateway: 7 }, entry(3)]),
    ).toEqual([entry(1), entry(3)]);
  });
});
