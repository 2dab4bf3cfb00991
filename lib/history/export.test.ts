import { describe, expect, it } from 'vitest';
import { csvField, exportFile, historyCsv, historyJson } from './export';
import type { HistoryEntry } from './history';

const recovered: HistoryEntry = {
  time: Date.UTC(2026, 2, 5, 14, 5, 12),
  site: 'https://shop.example/cart',
  origin: 'https://shop.example',
  statusCode: 502,
  gateway: 'Cloudflare',
  recoveredAt: Date.UTC(2026, 2, 5, 14, 9, 42),
};
const open: HistoryEntry = {
  time: Date.UTC(2026, 2, 4, 9, 0, 0),
  site: 'https://news.example',
  origin: 'https://news.example',
  statusCode: 0,
  gateway: null,
  recoveredAt: null,
};

describe('history export', () => {
  it('writes JSON with ISO times and the time each incident took to recover', () => {
    const parsed = JSON.parse(historyJson([recovered, open], Date.UTC(2026, 2, 6)));
    expect(parsed).toEqual({
      exportedBy: 'Gateway Doctor',
      exportedAt: '2026-03-06T00:00:00.000Z',
      incidents: [
        {
          time: '2026-03-05T14:05:12.000Z',
          site: 'https://shop.example/cart',
          origin: 'https://shop.example',
          statusCode: 502,
          gateway: 'Cloudflare',
          recoveredAt: '2026-03-05T14:09:42.000Z',
          recoveredAfterSeconds: 270,
        },
        {
          time: '2026-03-04T09:00:00.000Z',
          site: 'https://news.example',
          origin: 'https://news.example',
          statusCode: 0,
          gateway: null,
          recoveredAt: null,
          recoveredAfterSeconds: null,
        },
      ],
    });
  });

  it('writes CSV as RFC 4180 has it: a header, CRLF after every record, empty fields for nothing', () => {
    expect(historyCsv([recovered, open])).toBe(
      'time,site,origin,status,gateway,recovered_at,recovered_after_seconds\r\n' +
        '2026-03-05T14:05:12.000Z,https://shop.example/cart,https://shop.example,502,Cloudflare,2026-03-05T14:09:42.000Z,270\r\n' +
        '2026-03-04T09:00:00.000Z,https://news.example,https://news.example,0,,,\r\n',
    );
    expect(historyCsv([])).toBe(
      'time,site,origin,status,gateway,recovered_at,recovered_after_seconds\r\n',
    );
  });

  it('quotes a field holding a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('https://shop.example/a,b')).toBe('"https://shop.example/a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(504)).toBe('504');
    expect(csvField(null)).toBe('');
  });

  it('keeps text a spreadsheet would run as a formula as text', () => {
    for (const attack of [
      '=HYPERLINK("http://evil.example")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\tx',
      '\rx',
      '＝1+1',
    ])
      expect(csvField(attack).replace(/^"/, '').startsWith(`'${attack[0]}`), attack).toBe(true);
    const hostile = { ...recovered, gateway: '=cmd|"/c calc"!A1' };
    const line = historyCsv([hostile]).split('\r\n')[1];
    expect(line).toContain(`,"'=cmd|""/c calc""!A1",`);
    // The guard is for text: a number stays a number, and text that merely contains a sign is left alone.
    expect(csvField(-1)).toBe('-1');
    expect(csvField('https://a.example/x=1')).toBe('https://a.example/x=1');
  });

  it('names the file by the local date and says what it holds', () => {
    const now = new Date(2026, 0, 9, 23, 30).getTime();
    expect(exportFile('csv', [open], now)).toMatchObject({
      name: 'gateway-doctor-history-2026-01-09.csv',
      type: 'text/csv;charset=utf-8',
      text: historyCsv([open]),
    });
    expect(exportFile('json', [open], now)).toMatchObject({
      name: 'gateway-doctor-history-2026-01-09.json',
      type: 'application/json',
      text: historyJson([open], now),
    });
  });
});
