import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { createTranslator } from '../i18n/messages';
import { diagnose } from './diagnose';
import { displayUrl, ownerReport, type ReportOptions } from './report';
import type { Observation } from './types';

const translate = createTranslator(english);

// A Cloudflare 522, with a request that carried private parts: a query, a fragment and credentials in the URL.
const observation: Observation = {
  url: 'https://user:hunter2@shop.example.com/cart?coupon=SECRET&email=me%40example.com#payment',
  method: 'POST',
  statusCode: 522,
  headers: [
    { name: 'Server', value: 'cloudflare' },
    { name: 'CF-RAY', value: '9df84586146e8465-EWR' },
    { name: 'Set-Cookie', value: '__cf_bm=session-cookie-value; path=/' },
  ],
  frame: 'main_frame',
  ip: '203.0.113.7',
  page: {
    title: 'shop.example.com | 522: Connection timed out',
    text: 'Cloudflare Ray ID: 9df84586146e8465',
  },
  time: Date.UTC(2026, 2, 20, 22, 52, 42),
};
const diagnosis = diagnose(observation);
const options: ReportOptions = {
  now: Date.UTC(2026, 2, 20, 23, 0, 0),
  timeZone: 'Europe/Paris',
  locale: 'en-GB',
  tried: ['wait-retry', 'hard-reload', 'not-a-step'],
  includePrivate: false,
};

describe('ownerReport', () => {
  const report = ownerReport(diagnosis, observation, options, translate);

  it('gives the page without query, fragment or credentials by default', () => {
    expect(report).toContain('Page: https://shop.example.com/cart\n');
    expect(report).not.toMatch(/SECRET|coupon|email|payment|hunter2|user:/);
  });

  it('never includes cookies', () => {
    expect(report).not.toMatch(/__cf_bm|session-cookie-value|Set-Cookie/i);
  });

  it('keeps the query and fragment when the visitor chooses to, still without credentials', () => {
    const full = ownerReport(
      diagnosis,
      observation,
      { ...options, includePrivate: true },
      translate,
    );
    expect(full).toContain(
      'https://shop.example.com/cart?coupon=SECRET&email=me%40example.com#payment',
    );
    expect(full).not.toContain('hunter2');
  });

  it('gives the time in UTC and in the time zone asked for (Paris is UTC+1 in March before the switch)', () => {
    expect(report).toContain('Time (UTC): 20 March 2026 at 22:52:42 UTC');
    expect(report).toContain('Time (Europe/Paris): 20 March 2026 at 23:52:42 CET');
  });

  it('names the status, what failed, the path and the failed hop', () => {
    expect(report).toContain('Error: 522 Connection Timed Out');
    expect(report).toContain(
      "What failed: Cloudflare is working, but the site's server did not answer its connection in time",
    );
    expect(report).toContain("Path of the request: me → Cloudflare → the site's server");
    expect(report).toContain('Where it failed: Cloudflare');
    expect(report).toContain('Request method: POST');
    expect(report).toContain('Server address: 203.0.113.7');
  });

  it('lists the Ray ID Cloudflare asks owners for, and the evidence behind each gateway', () => {
    expect(report).toContain('9df84586146e8465-EWR');
    expect(report).toMatch(/- Cloudflare \(recognised by .*cf-ray/);
  });

  it('says what the visitor already tried, in their words, ignoring unknown ids', () => {
    expect(report).toContain(
      'What I already tried: Wait a minute, then try again; Reload the page without the cache',
    );
    expect(report).not.toContain('not-a-step');
  });

  it('ends with the extension name', () => {
    expect(report.trimEnd().endsWith('Written with Gateway Doctor.')).toBe(true);
  });

  it('omits the local time when the zone is UTC or unknown, and survives a bad locale', () => {
    for (const timeZone of ['UTC', 'Not/AZone']) {
      const text = ownerReport(
        diagnosis,
        observation,
        { ...options, timeZone, locale: '!!' },
        translate,
      );
      expect(text.match(/^Time \(/gm)).toEqual(['Time (']);
      expect(text).toContain('Time (UTC): ');
    }
  });

  it('leaves out the tried line when nothing was tried', () => {
    expect(ownerReport(diagnosis, observation, { ...options, tried: [] }, translate)).not.toContain(
      'already tried',
    );
  });
});

describe('displayUrl', () => {
  it('cuts the private parts from what is not a parsable URL too', () => {
    expect(displayUrl('not a url?token=1#x', false)).toBe('not a url');
  });
});
