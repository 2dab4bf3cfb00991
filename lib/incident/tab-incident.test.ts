import { describe, expect, it } from 'vitest';
import {
  failingApis,
  MAX_PART_HOSTS,
  observationToDiagnose,
  pageFailed,
  partFailed,
  toolbarView,
  withMarkers,
  withExplained,
  withShown,
} from './tab-incident';
import { diagnose } from '../diagnosis/diagnose';
import { createTranslator } from '../i18n/messages';
import english from '../../public/_locales/en/messages.json';
import type { Observation } from '../diagnosis/types';
import { observe } from './observe';

const t = createTranslator(english);
const PAGE = 'https://shop.example/cart';
const obs = (url: string, statusCode = 502, headers: Observation['headers'] = []): Observation => ({
  url,
  method: 'GET',
  statusCode,
  headers,
  frame: 'main_frame',
  time: 1,
});

const request = { method: 'GET', statusCode: 502, type: 'main_frame', timeStamp: 1 };

describe('tab incident', () => {
  it('counts failing parts by host, and starts afresh when the tab shows another page', () => {
    let incident = partFailed(null, PAGE, obs('https://api.shop.example/a'), 'api');
    incident = partFailed(incident, PAGE, obs('https://api.shop.example/b'), 'api');
    incident = partFailed(incident, PAGE, obs('https://ads.example/frame'), 'frame');
    expect(incident.parts.map((p) => [p.host, p.part, p.count])).toEqual([
      ['api.shop.example', 'api', 2],
      ['ads.example', 'frame', 1],
    ]);
    expect(failingApis(incident).map((p) => p.host)).toEqual(['api.shop.example']);
    const moved = partFailed(
      incident,
      'https://shop.example/other',
      obs('https://api.shop.example/c'),
      'api',
    );
    expect(moved.parts).toHaveLength(1);
    expect(moved.parts[0]?.count).toBe(1);
  });

  it('keeps the page failure when parts fail after it, and bounds the hosts it remembers', () => {
    let incident = pageFailed(obs(PAGE));
    for (let i = 0; i < MAX_PART_HOSTS + 5; i++)
      incident = partFailed(incident, PAGE, obs(`https://h${i}.example/`), 'api');
    expect(incident.page?.statusCode).toBe(502);
    expect(incident.parts).toHaveLength(MAX_PART_HOSTS);
    expect(incident.parts.at(-1)?.host).toBe(`h${MAX_PART_HOSTS + 4}.example`);
  });

  it('counts a failing part against the failed page it belongs to, whatever the address says after #', () => {
    const incident = partFailed(
      pageFailed(obs(PAGE)),
      `${PAGE}#/orders`,
      obs('https://api.shop.example/orders'),
      'api',
    );
    expect(incident.page?.statusCode).toBe(502);
    expect(incident.url).toBe(PAGE);
  });

  it('keeps no more of a page’s address than a record of its own failure would', () => {
    const long = `${PAGE}?q=${'a'.repeat(100_000)}`;
    const parts = partFailed(null, long, obs('https://api.shop.example/a'), 'api');
    expect(parts.url).toBe(pageFailed(observe({ ...request, url: long })).url);
    const again = partFailed(parts, long, obs('https://api.shop.example/b'), 'api');
    expect(again.parts[0]?.count).toBe(2);
  });

  it('stays under 192 KiB however hostile the responses: fifty such tabs fit in storage.session’s 10 MiB', () => {
    const hostile = (url: string) =>
      observe({
        ...request,
        // Browsers percent-encode addresses; a backslash in a query is what JSON still doubles.
        url: `${url}?q=${'\\'.repeat(100_000)}`,
        method: 'M'.repeat(10_000),
        statusLine: `HTTP/1.1 502 ${'\u0001'.repeat(100_000)}`,
        ip: '2001:0db8:0000:0000:0000:ff00:0042:8329',
        responseHeaders: Array.from({ length: 1000 }, (_, i) => ({
          name: `\u0001${i}`.repeat(500),
          value: '"'.repeat(i % 2 === 0 ? 100 : 10_000),
        })),
      });
    let incident = withMarkers(pageFailed(hostile(PAGE)), {
      title: '\u0001'.repeat(100_000),
      text: '\u0001'.repeat(1_000_000),
    });
    for (let i = 0; i < 50; i++)
      incident = partFailed(incident, PAGE, hostile(`https://api${i}.example/`), 'api');
    expect(incident.parts).toHaveLength(MAX_PART_HOSTS);
    expect(JSON.stringify(incident).length).toBeLessThanOrEqual(192 * 1024);
  });

  it('records markers on the page and that it was shown', () => {
    const incident = withShown(
      withMarkers(pageFailed(obs(PAGE)), { title: 'T', text: 'x'.repeat(10_000) }),
    );
    expect(incident.page?.page?.title).toBe('T');
    expect(incident.page?.page?.text).toHaveLength(4096);
    expect(incident.shown).toBe(true);
    const partsOnly = partFailed(null, PAGE, obs('https://api.example/'), 'api');
    expect(withMarkers(partsOnly, { title: 'T', text: '' })).toBe(partsOnly);
  });

  it('remembers the explanation page across a new failure of the same URL only', () => {
    const explained = withExplained(withShown(pageFailed(obs(PAGE))));
    const again = pageFailed(obs(PAGE), explained);
    expect(again).toMatchObject({ explained: true, shown: false });
    expect(pageFailed(obs('https://shop.example/other'), explained).explained).toBe(false);
    expect(pageFailed(obs(PAGE), null).explained).toBe(false);
  });

  it('takes a request seen again (its headers, then its completion) for one failure, and completes it', () => {
    const fromHeaders = pageFailed(obs(PAGE), null, '17');
    const shown = withShown(withMarkers(fromHeaders, { title: '502', text: 'nginx' }));
    const withParts = partFailed(shown, PAGE, obs('https://api.example/x'), 'api');
    const completed = pageFailed({ ...obs(PAGE), ip: '192.0.2.7' }, withParts, '17');
    expect(completed).toMatchObject({ shown: true, webRequestId: '17' });
    expect(completed.page).toMatchObject({ ip: '192.0.2.7', page: { text: 'nginx' } });
    expect(completed.parts).toHaveLength(1);
    // Another request (a reload), or one whose id is not known, is a new failure.
    expect(pageFailed(obs(PAGE), shown, '18').shown).toBe(false);
    expect(pageFailed(obs(PAGE), shown).shown).toBe(false);
  });

  it('diagnoses the page, else its most failing API call', () => {
    const partsOnly = partFailed(
      partFailed(null, PAGE, obs('https://a.example/', 503), 'api'),
      PAGE,
      obs('https://b.example/', 504),
      'api',
    );
    const withMore = partFailed(partsOnly, PAGE, obs('https://b.example/', 504), 'api');
    expect(observationToDiagnose(withMore)?.url).toBe('https://b.example/');
    expect(observationToDiagnose(pageFailed(obs(PAGE)))?.url).toBe(PAGE);
  });
});

describe('toolbarView', () => {
  const settings = { showPageApiFailures: true };

  it('shows the status and the diagnosis for a failed page', () => {
    const page = obs(PAGE, 522, [
      { name: 'Server', value: 'cloudflare' },
      { name: 'CF-RAY', value: '8f1e2d3c4b5a6978-FRA' },
    ]);
    const incident = pageFailed(page);
    const view = toolbarView(incident, diagnose(page), settings);
    expect(view?.text).toBe('522');
    expect(t(view!.title)).toMatch(/^522 .+: .*Cloudflare/);
  });

  it('says nothing for a bot check', () => {
    const challenge = obs(PAGE, 503, [
      { name: 'cf-mitigated', value: 'challenge' },
      { name: 'Server', value: 'cloudflare' },
    ]);
    expect(toolbarView(pageFailed(challenge), diagnose(challenge), settings)).toBeNull();
  });

  it('marks failing API calls in their own way, only when wanted, and never failing frames', () => {
    const api = partFailed(null, PAGE, obs('https://api.shop.example/orders', 502), 'api');
    const view = toolbarView(api, diagnose(api.parts[0]!.observation), settings);
    expect(view?.text).toBe('API');
    expect(t(view!.title)).toBe(
      'This page loaded, but 1 of its requests to api.shop.example failed (last: 502)',
    );
    expect(
      toolbarView(api, diagnose(api.parts[0]!.observation), { showPageApiFailures: false }),
    ).toBeNull();
    const frame = partFailed(null, PAGE, obs('https://ads.example/', 502), 'frame');
    expect(toolbarView(frame, diagnose(frame.parts[0]!.observation), settings)).toBeNull();
  });
});
