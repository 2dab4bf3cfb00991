/**
 * Vendor pages and headers the fixtures cannot all show: each case quotes what the vendor's own code, documentation
 * or a captured response says, as cited beside the rule.
 */
import { describe, expect, it } from 'vitest';
import { identifyGateways } from './gateways';
import { indexHeaders } from './headers';
import type { HeaderEntry, PageMarkers } from './types';

function identify(headers: Record<string, string>, page?: PageMarkers, statusCode?: number) {
  const entries: HeaderEntry[] = Object.entries(headers).map(([name, value]) => ({ name, value }));
  return identifyGateways(indexHeaders(entries), page, statusCode);
}

const producers = (chain: ReturnType<typeof identify>) =>
  chain.filter((match) => match.producedError).map((match) => match.id);

describe('Bunny CDN', () => {
  // The page's visible text as innerText gives it (one card per line), collapsed to spaces.
  const page: PageMarkers = {
    title: '504 Gateway Timeout',
    text: 'ERROR 504 Gateway Timeout We could not establish a connection to cdn.example.com You IP: 203.0.113.7 bunny.net Edge Network cdn.example.com Your Destination',
  };

  it('names its own page as the error, even without its headers', () => {
    expect(producers(identify({}, page, 504))).toEqual(['bunny-cdn']);
  });

  it('reads the page the same way when its cards run together, as textContent gives them', () => {
    const squeezed: PageMarkers = {
      title: '',
      text: 'ERROR 504Gateway TimeoutWe could not establish a connection to cdn.example.comYouIP: 203.0.113.7bunny.netEdge Network',
    };
    expect(producers(identify({}, squeezed, 504))).toEqual(['bunny-cdn']);
  });

  it('does not claim a page that only mentions the edge network', () => {
    const mention = { title: '', text: 'Our files are served by the bunny.net Edge Network.' };
    expect(identify({}, mention, 502)).toEqual([]);
  });
});

describe('Alibaba Cloud CDN', () => {
  // Alibaba Cloud's 5xx guide names both values: https://www.alibabacloud.com/help/doc-detail/180855.htm
  it('names itself as the writer when X-Swift-Error says it gave up fetching from the origin', () => {
    const chain = identify(
      { server: 'Tengine', 'x-swift-error': 'forward retry timeout' },
      undefined,
      503,
    );
    expect(chain.map((match) => match.id)).toEqual(['alibaba-cloud-cdn']);
    expect(producers(chain)).toEqual(['alibaba-cloud-cdn']);
  });

  it('names no writer when X-Swift-Error says the origin answered with the error', () => {
    const chain = identify(
      { server: 'Tengine', 'x-swift-error': 'orig response 5xx error' },
      undefined,
      502,
    );
    expect(chain.map((match) => match.id)).toEqual(['alibaba-cloud-cdn']);
    expect(producers(chain)).toEqual([]);
  });
});

describe('Shopify', () => {
  it('names Shopify as the writer of its storefront error page, as a browser reads it', () => {
    // The heading and hint of the page, as captured by storefront tests (Playwright) and crawlers.
    const page = {
      title: '',
      text: 'There was a problem loading this website Try refreshing the page. Refresh Page',
    };
    const [match] = identify({}, page, 503);
    expect(match).toMatchObject({ id: 'shopify', confidence: 'medium', producedError: true });
  });

  it("does not claim another site's own wording", () => {
    // An unrelated web app's error alert (captured in public code).
    const page = {
      title: '',
      text: 'Error loading website There was a problem loading this website. Please try again later or return to the websites list.',
    };
    expect(identify({}, page, 500)).toEqual([]);
  });
});

describe('Railway', () => {
  const body =
    '{"status":"error","code":502,"message":"Application failed to respond","request_id":"Kq3vT8xLRZy2mN0aWc7dPw"}';

  it('names its edge as the writer of its JSON error, even without its headers', () => {
    expect(producers(identify({}, { title: '', text: body }, 502))).toEqual(['railway']);
  });

  it('does not take the bare words for Railway: other platforms report the same error', () => {
    const page = { title: 'Error', text: 'Application failed to respond. Please check the logs.' };
    expect(identify({}, page, 502)).toEqual([]);
  });
});
