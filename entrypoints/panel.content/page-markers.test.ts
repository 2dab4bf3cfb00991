// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fixtureMarkers,
  headerEntries,
  loadGatewayFixtures,
  PAGE_TEXT_LIMIT as ENGINE_TEXT_LIMIT,
} from '../../tests/support/fixtures';
import { PAGE_TEXT_LIMIT, readPageMarkers } from './page-markers';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

function pageOf(body: string, contentType = 'text/html') {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  windows.push(window);
  const document = window.document;
  document.write(body);
  Object.defineProperty(document, 'contentType', { value: contentType.split(';')[0] });
  return document as unknown as Document;
}

describe('readPageMarkers', () => {
  it('reads as much text as the engine’s tests expect', () => {
    expect(PAGE_TEXT_LIMIT).toBe(ENGINE_TEXT_LIMIT);
  });

  // The engine is tested on these markers; the content script must read a live page the same way.
  it.each(loadGatewayFixtures().filter((fixture) => fixture.body !== ''))(
    'reads $id as the engine’s tests do',
    (fixture) => {
      const contentType =
        headerEntries(fixture).find((h) => h.name.toLowerCase() === 'content-type')?.value ??
        'text/html';
      const markers = readPageMarkers(pageOf(fixture.body, contentType));
      const expected = fixtureMarkers(fixture);
      expect(markers).toEqual(expected?.title === '' && expected.text === '' ? null : expected);
    },
  );

  it('leaves the page as it was', () => {
    const page = pageOf(
      '<html><head><title>502</title></head><body><h1>Bad Gateway</h1><script>let x = 1;</script></body></html>',
    );
    const before = page.documentElement.outerHTML;
    expect(readPageMarkers(page)).toEqual({ title: '502', text: 'Bad Gateway' });
    expect(page.documentElement.outerHTML).toBe(before);
  });

  it('stops early on a huge page, with the same text it would read in full', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `<p>line   ${i}\n\n</p>`).join('');
    const markers = readPageMarkers(pageOf(`<body>${lines}</body>`));
    expect(markers?.text).toHaveLength(PAGE_TEXT_LIMIT);
    expect(markers?.text.startsWith('line 0 line 1 line 2 ')).toBe(true);
  });

  it('reads the lab’s real-content page in full up to the limit', () => {
    const body = readFileSync(
      join(import.meta.dirname, '../../tests/lab/scenarios/server-error-with-content.html'),
      'utf8',
    );
    expect(readPageMarkers(pageOf(body))?.title).toBe(
      'Harbour bridge reopens after two-year restoration – The Coastal Ledger',
    );
  });
});
