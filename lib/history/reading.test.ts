import { describe, expect, it } from 'vitest';
import { MAX_HISTORY, type HistoryEntry } from './history';
import { readHistory } from './reading';

const entry = (time: number): HistoryEntry => ({
  time,
  site: 'https://shop.example',
  origin: 'https://shop.example',
  statusCode: 502,
  gateway: null,
  recoveredAt: null,
});

describe('readHistory', () => {
  it('reads nothing stored as an empty history, not a damaged one', () => {
    for (const stored of [undefined, null, []])
      expect(readHistory(stored)).toEqual({
        entries: [],
        damaged: false,
        malformed: 0,
        overLimit: 0,
      });
  });

  it('calls a stored value that is not a list damaged', () => {
    for (const stored of ['[{"time":1}]', 42, { 0: entry(1) }])
      expect(readHistory(stored)).toEqual({
        entries: [],
        damaged: true,
        malformed: 0,
        overLimit: 0,
      });
  });

  it('counts the items that are not entries, and keeps the rest in order', () => {
    const reading = readHistory([
      entry(3),
      null,
      { ...entry(2), statusCode: '502' },
      { ...entry(2), time: 1e300 },
      'x',
      entry(1),
    ]);
    expect(reading.entries).toEqual([entry(3), entry(1)]);
    expect(reading.malformed).toBe(4);
    expect(reading.overLimit).toBe(0);
  });

  it('counts the well-formed entries beyond what the history keeps', () => {
    const stored = [
      ...Array.from({ length: MAX_HISTORY + 25 }, (_, i) => entry(i)),
      { broken: true },
    ];
    const reading = readHistory(stored);
    expect(reading.entries).toHaveLength(MAX_HISTORY);
    expect(reading.entries[0]).toEqual(entry(0));
    expect(reading.overLimit).toBe(25);
    expect(reading.malformed).toBe(1);
  });
});
