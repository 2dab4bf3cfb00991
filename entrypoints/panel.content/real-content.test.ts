import { describe, expect, it } from 'vitest';
import { diagnose } from '@/lib/diagnosis/diagnose';
import { loadScenarios } from '../../tests/lab/scenario';
import {
  fixtureMarkers,
  headerEntries,
  loadGatewayFixtures,
  pageMarkers,
} from '../../tests/support/fixtures';
import { showsRealContent } from './real-content';

const time = Date.UTC(2026, 2, 20, 22, 52, 42);

describe('showsRealContent', () => {
  // Every one of these is a real error page: none may pass for content.
  it.each(loadGatewayFixtures())('takes $id for the error page it is', (fixture) => {
    const markers = fixtureMarkers(fixture) ?? null;
    const diagnosis = diagnose({
      url: 'https://shop.example.com/',
      method: 'GET',
      statusCode: fixture.status,
      headers: headerEntries(fixture),
      frame: 'main_frame',
      page: markers ?? undefined,
      time,
    });
    expect(showsRealContent(markers, diagnosis)).toBe(false);
  });

  const failedLabPages = loadScenarios().filter(
    (scenario) => scenario.response.status >= 500 && scenario.response.body.length > 0,
  );

  it.each(failedLabPages.map((scenario) => [scenario.id, scenario] as const))(
    'tells the lab’s %s apart',
    (id, { response }) => {
      const contentType = response.headers.find(([name]) => name.toLowerCase() === 'content-type');
      const markers = pageMarkers(response.body.toString('utf8'), contentType?.[1]) ?? null;
      const diagnosis = diagnose({
        url: 'https://news.example.com/',
        method: 'GET',
        statusCode: response.status,
        headers: response.headers.map(([name, value]) => ({ name, value })),
        frame: 'main_frame',
        page: markers ?? undefined,
        time,
      });
      // The lab's article rendered in full although a plugin set status 500 (its scenario says so).
      expect(showsRealContent(markers, diagnosis)).toBe(id === 'server-error-with-content');
    },
  );

  it('never takes a page a gateway produced for content, however long', () => {
    const text = 'A long and friendly page written by the platform. '.repeat(40);
    expect(
      showsRealContent(
        { title: 'Hello', text },
        {
          statusCode: 503,
          chain: [
            {
              id: 'heroku',
              name: 'Heroku',
              role: 'paas',
              confidence: 'high',
              evidence: [],
              producedError: true,
            },
          ],
        },
      ),
    ).toBe(false);
  });

  it('takes nothing for content on a page with no text', () => {
    expect(showsRealContent(null, { statusCode: 500, chain: [] })).toBe(false);
  });
});
