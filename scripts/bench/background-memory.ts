/**
 * Memory after many failures, on the built background script (scripts/bench/built-background.ts) with storage in
 * memory. Round 1 sends 10,000 failed events over 500 tabs: in each tab the page fails (a real gateway response),
 * the tab completes and the panel is shown, then 19 of the page's API calls fail, one per API host. Round 2 sends
 * 10,000 more as every tab moves on to another failing page. After each round: the heap the background holds (this
 * process's heap after a full collection, less what it held before the background was loaded, with the fake
 * browser's storage and toolbar state set aside), and storage.session's size as Chrome counts it against its quota
 * (key and JSON value). Finally the largest record the background's caps allow for one tab, from responses as large
 * as they keep.
 * Run with --expose-gc by scripts/bench.ts in a process of its own; prints its rows as JSON on stdout.
 */
import { drain, drainBatches, loadBuiltBackground, storedBytes } from './built-background';
import type { PageMarkers } from '../../lib/diagnosis/types';
import {
  MAX_STORED_HEADER_BYTES,
  MAX_STORED_HEADERS,
  MAX_STORED_URL,
} from '../../lib/incident/observe';
import { MAX_PART_URL } from '../../lib/incident/tab-incident';
import {
  cycle,
  failedApiCall,
  failedPage,
  pageUrl,
  realFailures,
  type Failure,
} from './request-events';
import type { Row } from './rows';

const TABS = 500;
const API_HOSTS = 19;
/** chrome.storage.session.QUOTA_BYTES: https://developer.chrome.com/docs/extensions/reference/api/storage#property-session */
const SESSION_QUOTA = 10 * 1024 * 1024;

const exposed = (globalThis as { gc?: () => void }).gc;
if (!exposed)
  throw new Error('Run with node --expose-gc: the heap is measured after a full collection');
const collect: () => void = exposed;
/** The heap after a full collection, once whatever was freed asynchronously (happy-dom's windows) is gone. */
async function heapUsed() {
  await new Promise((resolve) => setTimeout(resolve, 200));
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

const failures = realFailures();
const before = await heapUsed();
const background = loadBuiltBackground();
const loaded = await heapUsed();
const tabIds = Array.from({ length: TABS }, (_, i) => i + 1);
for (const id of tabIds) background.tabs.set(id, { id, url: pageUrl(id), status: 'loading' });

/** Where a tab's page and its API calls go: the worst case sends them to addresses as long as records keep. */
interface Addresses {
  readonly page?: string;
  readonly api?: (host: number) => string;
}

async function sendFailures(
  tabId: number,
  round: number,
  failure: Failure,
  apiFailure = failure,
  addresses: Addresses = {},
) {
  const tab = background.tabs.get(tabId);
  if (!tab) throw new Error(`No tab ${tabId}`);
  tab.url = addresses.page ?? pageUrl(tabId, round);
  tab.status = 'loading';
  background.pages.set(tabId, failure.markers);
  background.onCompleted({ ...failedPage(tabId, failure, round), url: tab.url });
  await drain();
  tab.status = 'complete';
  await background.tabCompleted(tabId);
  await drain();
  // Written a quarter of a second later, batched (drainBatches): once for all the tabs of a round.
  for (let host = 1; host <= API_HOSTS; host++) {
    const call = failedApiCall(tabId, apiFailure, host);
    background.onCompleted(addresses.api ? { ...call, url: addresses.api(host) } : call);
  }
}

/**
 * The heap the background itself holds: what the fake browser keeps (storage, toolbar state) and this script's page
 * texts are the browser's memory, so they are set aside (storage outside the heap, as a Buffer) while it is measured.
 */
async function ownHeap() {
  const session = Buffer.from(JSON.stringify(await background.storage.session.get(null)));
  const pages = Buffer.from(JSON.stringify([...background.pages]));
  await background.storage.session.clear();
  background.pages.clear();
  background.action.resetState();
  const own = (await heapUsed()) - before;
  await background.storage.session.set(JSON.parse(session.toString('utf8')));
  for (const [tabId, markers] of JSON.parse(pages.toString('utf8')) as [number, PageMarkers][])
    background.pages.set(tabId, markers);
  return own;
}

/** Fails the run unless every tab's panel was shown and its record holds its page and its failing API calls. */
async function checkRound(number: number, injectedBefore: number) {
  const records = Object.values(await background.storage.session.get(null)) as {
    shown: boolean;
    parts: unknown[];
  }[];
  if (background.injections() - injectedBefore !== TABS || records.length !== TABS)
    throw new Error(`Round ${number} did not show a panel and keep a record in every tab`);
  if (!records.every((record) => record.shown && record.parts.length > 0))
    throw new Error(`Round ${number} left a tab without its failed page or its failing API calls`);
}

/** 10,000 failed events: 20 for each of the 500 tabs. */
async function round(number: number) {
  const injected = background.injections();
  for (const tabId of tabIds) {
    const failure = cycle(failures, tabId + number);
    await sendFailures(tabId, number, failure, cycle(failures, tabId * 7 + number));
  }
  await drainBatches();
  await checkRound(number, injected);
  return {
    own: await ownHeap(),
    session: await storedBytes(background.storage.session),
    local: await storedBytes(background.storage.local),
  };
}

process.stderr.write('bench: background memory, 2 × 10,000 failed events over 500 tabs\n');
// Warm-up: every real response through every path once, so compiled code and regular expressions are in the
// baseline, not counted as memory the failures hold.
for (const [i, failure] of failures.entries()) await sendFailures(cycle(tabIds, i), 0, failure);
await drainBatches();
await background.storage.session.clear();
background.pages.clear();
background.action.resetState();
const warm = (await heapUsed()) - before;
const first = await round(1);
const second = await round(2);
await background.storage.session.clear();

/**
 * A response as large as the caps keep: a long status line, a full page of text, and headers that fill their byte
 * budget to the last byte (headers longer than what is left of it are left out, so long ones would fill it less), at
 * addresses as long as records keep.
 */
const long = (char: string, length: number) => char.repeat(length);
const headerBytes = MAX_STORED_HEADER_BYTES / MAX_STORED_HEADERS;
const largest: Failure = {
  id: 'largest',
  statusCode: 502,
  statusLine: `HTTP/1.1 502 ${long('B', 2000)}`,
  headers: Array.from({ length: MAX_STORED_HEADERS }, (_, i) => {
    const name = `x-${String(i).padStart(2, '0')}`;
    return { name, value: long('v', headerBytes - JSON.stringify({ name, value: '' }).length) };
  }),
  markers: { title: long('T', 1000), text: long('t', 10_000) },
};
const longAddress = (start: string, length: number) => start + long('p', length - start.length);
const worstTab = TABS + 1;
background.tabs.set(worstTab, { id: worstTab, url: '', status: 'loading' });
await sendFailures(worstTab, 3, largest, largest, {
  page: longAddress('https://shop.example.com/search?q=', MAX_STORED_URL),
  api: (host) => longAddress(`https://api-${host}.example.com/v1/search?q=`, MAX_PART_URL),
});
await drainBatches();
const worstRecord = await storedBytes(background.storage.session);
const bound = worstRecord * TABS;

const kb = (bytes: number) => bytes / 1024;
const rows: Row[] = [
  { measure: 'background heap: code and startup state', value: kb(loaded - before), unit: 'KB' },
  {
    measure: 'background heap once every path has run (code compiled)',
    value: kb(warm),
    unit: 'KB',
  },
  {
    measure: 'background heap after 10,000 failed events over 500 tabs',
    value: kb(first.own),
    unit: 'KB',
  },
  {
    measure: 'background heap after 20,000 (every tab on a second failing page)',
    value: kb(second.own),
    unit: 'KB',
  },
  { measure: 'storage.session after 10,000 failed events', value: kb(first.session), unit: 'KB' },
  { measure: 'storage.session after 20,000', value: kb(second.session), unit: 'KB' },
  { measure: 'storage.local (history, at most 200 entries)', value: kb(second.local), unit: 'KB' },
  {
    measure: 'largest record the caps allow for one tab (page + 10 API hosts)',
    value: kb(worstRecord),
    unit: 'KB',
  },
  {
    measure: "storage.session bound for 500 such tabs, against Chrome's 10 MB quota",
    value: kb(bound),
    unit: 'KB',
    target: { text: `≤ ${kb(SESSION_QUOTA).toLocaleString('en')} KB`, met: bound <= SESSION_QUOTA },
  },
];
process.stdout.write(`${JSON.stringify(rows)}\n`);
