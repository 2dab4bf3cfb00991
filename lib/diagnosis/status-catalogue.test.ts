import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { createTranslator, type Message } from '../i18n/messages';
import {
  CLOUDFLARE_CODES,
  NETWORK_CATALOGUE,
  STATUS_CATALOGUE,
  statusEntry,
  type StatusEntry,
} from './status-catalogue';
import type { FailureKind, NetworkFailure } from './types';

const translate = createTranslator(english);
const rendered = (m: Message) => translate(m);

function expectComplete(entry: StatusEntry | undefined): asserts entry is StatusEntry {
  expect(entry).toBeDefined();
  if (!entry) return;
  for (const text of [entry.title, entry.meaning, entry.typicalDuration]) {
    expect(Object.keys(english)).toContain(text.key);
    // No placeholder left unexpanded.
    expect(rendered(text)).not.toMatch(/\$\w+\$|\$\d/);
  }
  expect(rendered(entry.meaning)).toMatch(/\.$/);
  expect(entry.kind).toBeTruthy();
  expect(entry.side).toBeTruthy();
  expect(entry.reason).toBeTruthy();
  expect(entry.source).toMatch(/^https:\/\//);
}

describe('status catalogue', () => {
  // The codes issue 3 names: 500-511, Cloudflare's 520-527 and 530, 529, and the unofficial 598/599.
  const issueCodes = [
    ...Array.from({ length: 12 }, (_, i) => 500 + i),
    520,
    521,
    522,
    523,
    524,
    525,
    526,
    527,
    529,
    530,
    598,
    599,
  ];

  it.each(issueCodes)('%i has every field', (code) => {
    const entry = STATUS_CATALOGUE.get(code);
    expectComplete(entry);
    expect(rendered(entry.title).startsWith(`${code} `)).toBe(true);
  });

  // Reason phrases as the RFCs define them.
  it.each([
    [500, 'Internal Server Error', 'RFC 9110 §15.6.1'],
    [501, 'Not Implemented', 'RFC 9110 §15.6.2'],
    [502, 'Bad Gateway', 'RFC 9110 §15.6.3'],
    [503, 'Service Unavailable', 'RFC 9110 §15.6.4'],
    [504, 'Gateway Timeout', 'RFC 9110 §15.6.5'],
    [505, 'HTTP Version Not Supported', 'RFC 9110 §15.6.6'],
    [506, 'Variant Also Negotiates', 'RFC 2295 §8.1'],
    [507, 'Insufficient Storage', 'RFC 4918 §11.5'],
    [508, 'Loop Detected', 'RFC 5842 §7.2'],
    [510, 'Not Extended', 'RFC 2774 §7'],
    [511, 'Network Authentication Required', 'RFC 6585 §6'],
  ])('%i is named "%s" as in %s', (code, name) => {
    expect(rendered(statusEntry(code).title)).toBe(`${code} ${name}`);
  });

  // Headings of Cloudflare's 5xx troubleshooting pages (developers.cloudflare.com/support/troubleshooting/...).
  it.each([
    [520, 'web server returns an unknown error'],
    [521, 'web server is down'],
    [522, 'connection timed out'],
    [523, 'origin is unreachable'],
    [524, 'a timeout occurred'],
    [525, 'ssl handshake failed'],
    [526, 'invalid ssl certificate'],
  ])('Cloudflare %i is named as its documentation names it: %s', (code, heading) => {
    const title = rendered(statusEntry(code).title).toLowerCase();
    // "returns" in the page heading, "returned" on the error page: both say the same.
    expect(title.replace('returned', 'returns')).toContain(heading);
  });

  // The kinds types.ts documents for each family of codes.
  it.each<[number, FailureKind]>([
    [500, 'server-error'],
    [502, 'gateway-error'],
    [520, 'gateway-error'],
    [521, 'gateway-error'],
    [504, 'gateway-timeout'],
    [522, 'gateway-timeout'],
    [524, 'gateway-timeout'],
    [503, 'unavailable'],
    [529, 'unavailable'],
    [501, 'not-supported'],
    [505, 'not-supported'],
    [506, 'not-supported'],
    [510, 'not-supported'],
    [507, 'storage'],
    [508, 'storage'],
    [511, 'network-auth'],
  ])('%i is of kind %s', (code, kind) => {
    expect(statusEntry(code).kind).toBe(kind);
  });

  it("puts 511 on the visitor's side: the captive portal is on their network (RFC 6585 §6)", () => {
    expect(statusEntry(511).side).toBe('visitor');
    expect(statusEntry(502).side).toBe('site');
  });

  it('gives any other 5xx a generic entry that still names the code', () => {
    const entry = statusEntry(555);
    expectComplete(entry);
    expect(rendered(entry.title)).toBe('555 Server Error');
  });
});

describe("Cloudflare's 1xxx codes", () => {
  // Names from Cloudflare's 1xxx troubleshooting pages; for 1101 and 1102, which the docs both call "Rendering error",
  // the title of the error page itself ("Worker threw exception", "Worker exceeded resource limits").
  it.each([
    ['1016', 'origin dns error', 'origin-dns'],
    ['1033', 'tunnel error', 'tunnel'],
    ['1101', 'worker threw exception', 'edge-code-failed'],
    ['1102', 'worker exceeded resource limits', 'edge-code-limit'],
    ['1200', 'cache connection limit', 'edge-queue-full'],
  ])('%s is "%s"', (code, name, reason) => {
    const entry = statusEntry(530, code);
    expectComplete(entry);
    expect(rendered(entry.title).toLowerCase()).toContain(name);
    expect(rendered(entry.title)).toMatch(new RegExp(`^530 .*\\(Cloudflare ${code}\\)$`));
    expect(entry.reason).toBe(reason);
  });

  it('has every field for every code it knows', () => {
    for (const code of CLOUDFLARE_CODES.keys()) expectComplete(statusEntry(530, code));
  });

  it('keeps the HTTP code a 1xxx arrived with: a Worker exception comes as 500', () => {
    expect(rendered(statusEntry(500, '1101').title)).toMatch(/^500 /);
  });

  it('falls back to the status entry for a code it does not know', () => {
    expect(statusEntry(530, '1999')).toEqual(statusEntry(530));
  });
});

describe('network failures', () => {
  it.each<NetworkFailure>([
    'connection-refused',
    'connection-reset',
    'dns',
    'timeout',
    'tls',
    'offline',
    'other',
  ])('%s has every field and is of kind network', (failure) => {
    const entry = NETWORK_CATALOGUE[failure];
    expectComplete(entry);
    expect(entry.kind).toBe('network');
  });

  it('puts being offline on the visitor, a refused connection on the site', () => {
    expect(NETWORK_CATALOGUE.offline.side).toBe('visitor');
    expect(NETWORK_CATALOGUE['connection-refused'].side).toBe('site');
  });
});
