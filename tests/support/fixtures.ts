/**
 * Loads the real gateway responses in tests/fixtures/gateways and reads a body the way the panel's content script
 * does (document title plus the visible text near the top), so unit tests see what the extension sees in a browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import type { HeaderEntry, PageMarkers } from '../../lib/diagnosis/types';

export interface GatewayFixture {
  id: string;
  vendor: string;
  role: string;
  status: number;
  reason: string;
  headers: Record<string, string | string[]>;
  body: string;
  meaning: string;
  source: string;
  confidence?: 'partial';
  notes?: string;
  /** Gateway ids the engine must report, most specific (closest to the site's server) first; from the source. */
  expectedChain?: string[];
}

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures', 'gateways');

export function loadGatewayFixtures(dir = FIXTURES_DIR): GatewayFixture[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as GatewayFixture);
}

export function loadGatewayFixture(id: string, dir = FIXTURES_DIR): GatewayFixture {
  return JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as GatewayFixture;
}

/** The fixture's headers as webRequest lists them: one entry per value, names as sent. */
export function headerEntries(fixture: Pick<GatewayFixture, 'headers'>): HeaderEntry[] {
  return Object.entries(fixture.headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => ({ name, value: v })),
  );
}

/** How much visible text the content script reads from the top of a page. */
export const PAGE_TEXT_LIMIT = 2000;

/** Title and visible text of a body, or undefined for an empty body (Chrome shows its own page; nothing to read). */
export function pageMarkers(body: string, contentType = 'text/html'): PageMarkers | undefined {
  if (body === '') return undefined;
  if (!contentType.includes('html')) return { title: '', text: body.slice(0, PAGE_TEXT_LIMIT) };
  const window = new Window();
  try {
    window.document.write(body);
    window.document
      .querySelectorAll('script, style, noscript, template')
      .forEach((node) => node.remove());
    const text = (window.document.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { title: window.document.title.trim(), text: text.slice(0, PAGE_TEXT_LIMIT) };
  } finally {
    void window.happyDOM.close();
  }
}

export function fixtureMarkers(fixture: GatewayFixture): PageMarkers | undefined {
  const contentType = headerEntries(fixture).find(
    (h) => h.name.toLowerCase() === 'content-type',
  )?.value;
  return pageMarkers(fixture.body, contentType ?? 'text/html');
}
