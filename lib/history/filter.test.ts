import { describe, expect, it } from 'vitest';
import { filterHistory, fittingFilter, historyFacets, NO_FILTER } from './filter';
import type { HistoryEntry } from './history';

const entry = (time: number, site: string, statusCode: number): HistoryEntry => ({
  time,
  site,
  origin: new URL(site).origin,
  statusCode,
  gateway: null,
  recoveredAt: null,
});

const history = [
  entry(1_000, 'https://shop.example/cart', 502),
  entry(3_000, 'https://news.example', 504),
  entry(2_000, 'https://shop.example/pay', 503),
  entry(4_000, 'https://shop.example', 502),
];

describe('history filters', () => {
  it('lets everything through, newest first, with no filter', () => {
    expect(filterHistory(history, NO_FILTER).map((e) => e.time)).toEqual([
      4_000, 3_000, 2_000, 1_000,
    ]);
  });

  it('narrows to one site, whichever of its pages failed, and to one status', () => {
    const shop = { origin: 'https://shop.example', statusCode: null };
    expect(filterHistory(history, shop).map((e) => e.site)).toEqual([
      'https://shop.example',
      'https://shop.example/pay',
      'https://shop.example/cart',
    ]);
    expect(filterHistory(history, { ...shop, statusCode: 502 }).map((e) => e.time)).toEqual([
      4_000, 1_000,
    ]);
    expect(filterHistory(history, { origin: 'https://news.example', statusCode: 502 })).toEqual([]);
  });

  it('offers each site and status once, in order', () => {
    expect(historyFacets(history)).toEqual({
      origins: ['https://news.example', 'https://shop.example'],
      statusCodes: [502, 503, 504],
    });
    expect(historyFacets([])).toEqual({ origins: [], statusCodes: [] });
  });

  it('drops a choice nothing matches any more', () => {
    const chosen = { origin: 'https://news.example', statusCode: 503 };
    expect(fittingFilter(chosen, history)).toEqual(chosen);
    expect(fittingFilter(chosen, history.slice(2))).toEqual({ origin: null, statusCode: 503 });
    expect(fittingFilter(chosen, [])).toEqual(NO_FILTER);
  });
});
