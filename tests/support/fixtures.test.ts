import { describe, expect, it } from 'vitest';
import {
  fixtureMarkers,
  headerEntries,
  loadGatewayFixture,
  loadGatewayFixtures,
  pageMarkers,
} from './fixtures';

describe('gateway fixtures', () => {
  it('every fixture names its source and has a 5xx status', () => {
    const fixtures = loadGatewayFixtures();
    expect(fixtures.length).toBeGreaterThanOrEqual(44);
    for (const fixture of fixtures) {
      expect(fixture.source, fixture.id).not.toBe('');
      expect(fixture.status, fixture.id).toBeGreaterThanOrEqual(500);
      expect(fixture.status, fixture.id).toBeLessThan(600);
    }
  });

  it('reads an HTML body as the content script would', () => {
    const markers = fixtureMarkers(loadGatewayFixture('nginx-502-chrome'));
    expect(markers?.title).toBe('502 Bad Gateway');
    expect(markers?.text).toBe('502 Bad Gateway nginx/1.26.2');
  });

  it('reads a plain-text body as text and an empty body as nothing', () => {
    expect(fixtureMarkers(loadGatewayFixture('cloudflare-530-1016-plaintext'))).toEqual({
      title: '',
      text: 'error code: 1016',
    });
    expect(pageMarkers('')).toBeUndefined();
  });

  it('lists each header value as webRequest does', () => {
    expect(headerEntries({ headers: { Via: ['1.1 a', '1.1 b'], Server: 'x' } })).toEqual([
      { name: 'Via', value: '1.1 a' },
      { name: 'Via', value: '1.1 b' },
      { name: 'Server', value: 'x' },
    ]);
  });
});
