import { describe, expect, it } from 'vitest';
import { parseStatuspage, statusPageUrl } from './status-page';

describe('statusPageUrl', () => {
  it('asks status.<domain> over HTTPS for a site on the default port', () => {
    expect(statusPageUrl('https://shop.example.com/cart', 'example.com')).toBe(
      'https://status.example.com/api/v2/status.json',
    );
    // A plain-HTTP site's status page is still asked over HTTPS.
    expect(statusPageUrl('http://www.example.org/', 'example.org')).toBe(
      'https://status.example.org/api/v2/status.json',
    );
  });

  it('keeps the scheme and port of a site served on a port of its own', () => {
    expect(statusPageUrl('http://shop.gdlab.test:41234/scenarios/x?run=1', 'gdlab.test')).toBe(
      'http://status.gdlab.test:41234/api/v2/status.json',
    );
  });

  it('refuses a domain that is not the page’s own, and addresses with no domain', () => {
    expect(statusPageUrl('https://shop.example.com/', 'attacker.example')).toBeUndefined();
    expect(statusPageUrl('https://shop.example.com/', 'ample.com')).toBeUndefined();
    expect(statusPageUrl('http://127.0.0.1:8787/', '127.0.0.1')).toBeUndefined();
    expect(statusPageUrl('about:blank', 'blank')).toBeUndefined();
  });
});

describe('parseStatuspage', () => {
  it('reads the indicator and the description of a Statuspage answer', () => {
    // Shape of Statuspage's public /api/v2/status.json, as served by e.g. githubstatus.com.
    const answer = {
      page: {
        id: 'kctbh9vrtdwd',
        name: 'GitHub',
        url: 'https://www.githubstatus.com',
        time_zone: 'Etc/UTC',
        updated_at: '2025-09-01T12:00:00.000Z',
      },
      status: { indicator: 'minor', description: 'Minor Service Outage' },
    };
    expect(parseStatuspage(answer)).toEqual({
      indicator: 'minor',
      description: 'Minor Service Outage',
    });
  });

  it.each([
    null,
    'All good',
    {},
    { status: 'none' },
    { status: { indicator: 'green', description: 'fine' } },
    { status: { indicator: 'none' } },
    { status: { indicator: 'none', description: '   ' } },
    [{ status: { indicator: 'none', description: 'x' } }],
  ])('refuses %j', (json) => expect(parseStatuspage(json)).toBeNull());

  it('bounds a description that would not fit the popup', () => {
    const long = parseStatuspage({ status: { indicator: 'major', description: 'x'.repeat(5000) } });
    expect(long?.description.length).toBeLessThanOrEqual(200);
  });
});
