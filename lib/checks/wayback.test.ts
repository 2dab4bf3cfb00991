import { describe, expect, it } from 'vitest';
import { parseWaybackAvailability, waybackAvailabilityUrl } from './wayback';

describe('waybackAvailabilityUrl', () => {
  it('asks about the page without its query string or fragment', () => {
    expect(waybackAvailabilityUrl('https://shop.example.com/cart?token=secret#pay')).toBe(
      'https://archive.org/wayback/available?url=https%3A%2F%2Fshop.example.com%2Fcart',
    );
  });
});

describe('parseWaybackAvailability', () => {
  it('reads the closest capture of the documented answer, over HTTPS', () => {
    // The example answer in https://archive.org/help/wayback_api.php
    const answer = {
      archived_snapshots: {
        closest: {
          available: true,
          url: 'http://web.archive.org/web/20130919044612/http://example.com/',
          timestamp: '20130919044612',
          status: '200',
        },
      },
    };
    expect(parseWaybackAvailability(answer)).toEqual({
      available: true,
      snapshotUrl: 'https://web.archive.org/web/20130919044612/http://example.com/',
      capturedAt: Date.parse('2013-09-19T04:46:12Z'),
    });
  });

  it('knows the answer for a page it has no copy of', () => {
    expect(parseWaybackAvailability({ archived_snapshots: {} })).toEqual({ available: false });
    expect(parseWaybackAvailability({ url: 'x', archived_snapshots: {} })).toEqual({
      available: false,
    });
  });

  it.each([
    null,
    {},
    { archived_snapshots: null },
    // A capture anywhere but the archive itself is not linked to.
    {
      archived_snapshots: {
        closest: {
          available: true,
          url: 'https://evil.example/web/1/x',
          timestamp: '20130919044612',
        },
      },
    },
    {
      archived_snapshots: {
        closest: { available: true, url: 'javascript:alert(1)', timestamp: '20130919044612' },
      },
    },
    {
      archived_snapshots: {
        closest: {
          available: true,
          url: 'http://web.archive.org/web/2013/http://example.com/',
          timestamp: '20131319044612',
        },
      },
    },
    { archived_snapshots: { closest: { available: 'yes' } } },
  ])('refuses %j', (json) => expect(parseWaybackAvailability(json)).toBeNull());
});
