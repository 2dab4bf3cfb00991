import { describe, expect, it } from 'vitest';
import { operatingSystemOf } from './operating-system';

describe('operatingSystemOf', () => {
  // The platform values of the User-Agent Client Hints (Sec-CH-UA-Platform, navigator.userAgentData.platform).
  it.each([
    ['Windows', 'windows'],
    ['macOS', 'mac'],
    ['Linux', 'linux'],
    ['Chrome OS', 'chromeos'],
    ['Chromium OS', 'chromeos'],
    ['Android', 'android'],
    ['iOS', 'ios'],
    ['Unknown', 'unknown'],
  ])('reads the client hint %s', (platform, os) => {
    expect(operatingSystemOf({ platform, userAgent: '' })).toBe(os);
  });

  // Published User-Agent strings of Firefox (no client hints) and of Chrome's reduced agent.
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0', 'windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0', 'mac'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'linux'],
    ['Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0', 'android'],
    [
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      'android',
    ],
    [
      'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      'chromeos',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/128.0 Mobile/15E148 Safari/605.1.15',
      'ios',
    ],
    ['Mozilla/5.0 (compatible; SomeBrowser/1.0)', 'unknown'],
  ])('reads the user agent %s', (userAgent, os) => {
    expect(operatingSystemOf({ userAgent })).toBe(os);
  });

  it('prefers the client hint to the user agent, which Chrome freezes', () => {
    expect(
      operatingSystemOf({
        platform: 'macOS',
        userAgent:
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      }),
    ).toBe('mac');
  });
});
