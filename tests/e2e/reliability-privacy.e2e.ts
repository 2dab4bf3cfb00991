/**
 * Nothing leaves the browser unless the visitor clicked for it. All of the browser's traffic goes through a recording
 * proxy, which forwards what is for the gateway lab and refuses and records everything else; its log of lab requests
 * must match the lab's own, so nothing went round it. An outside request is then told apart three ways:
 * - the lab pages' own: a real gateway page that loads its logo from its vendor (Google's, Heroku's);
 * - the browser's own (Chromium's account and update checks, Firefox's remote settings): no extension can see those,
 *   and every request an extension makes is seen by its own webRequest, recorded here from an extension page;
 * - anything else, the extension's included: a failure.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, browserSession, pollUntil, type ExtensionApi } from './harness';
import { clickInPanel, controlCenter, panelControls } from './in-panel';

/** Tabs loading at once, and how many each call into the extension opens. */
const CONCURRENCY = 8;
const PER_CALL = 24;
/** How long each page stays open once loaded: the extension reads it and shows its panel meanwhile. */
const DWELL_MS = 400;

interface SeenRequest {
  readonly url: string;
  readonly type: string;
  readonly tabId: number;
  /** Chrome's `initiator`, Firefox's `originUrl`. */
  readonly from: string;
}

/** Starts recording every request the extension can see, in the harness's extension page. */
const recordRequests = (api: ExtensionApi) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const world = globalThis as any;
  world.seenRequests = [];
  api.webRequest.onBeforeRequest.addListener(
    (d: { url: string; type: string; tabId: number; initiator?: string; originUrl?: string }) =>
      void world.seenRequests.push({
        url: d.url,
        type: d.type,
        tabId: d.tabId,
        from: d.initiator ?? d.originUrl ?? '',
      }),
    { urls: ['<all_urls>'] },
  );
  return true;
};
const seenRequests = () =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (globalThis as any).seenRequests as SeenRequest[];

/** Opens each URL in a tab of its own, a few at a time, and closes it once loaded and dwelt on. */
const visit = (
  api: ExtensionApi,
  { urls, concurrency, dwellMs }: { urls: string[]; concurrency: number; dwellMs: number },
) => {
  const queue = [...urls];
  const loaded = (tabId: number) =>
    new Promise<void>((resolve) => {
      const done = (id: number, change: { status?: string }) => {
        if (id !== tabId || change.status !== 'complete') return;
        api.tabs.onUpdated.removeListener(done);
        resolve();
      };
      api.tabs.onUpdated.addListener(done);
      api.tabs.get(tabId).then((tab: { status: string }) => done(tabId, tab));
      setTimeout(() => done(tabId, { status: 'complete' }), 10_000);
    });
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      const tab = await api.tabs.create({ url, active: false });
      await loaded(tab.id);
      await new Promise((resolve) => setTimeout(resolve, dwellMs));
      await api.tabs.remove(tab.id);
    }
  };
  return Promise.all(Array.from({ length: concurrency }, worker)).then(() => true);
};

const pathOf = (url: string) => {
  const { pathname, search } = new URL(url);
  return pathname + search;
};
/** The host a request went to: from a URL, or from the `host:port` of a tunnel. */
const hostOf = (target: string) =>
  /^[^/:]+:\d+$/.test(target)
    ? target.slice(0, target.lastIndexOf(':'))
    : (URL.parse(target)?.hostname ?? target);

describe.each(BROWSERS)('privacy in %s', (browserName) => {
  const session = browserSession(browserName, { withProxy: true });
  beforeAll(() => session.browser.inExtension(recordRequests));

  /** Hosts the lab's pages name themselves (`src`, `href`, CSS `url()`): the pages' own requests may go there. */
  function hostsNamedByPages(): Set<string> {
    const bodies = [
      ...session.lab.scenarios.flatMap((s) =>
        [s.response, s.recovered].filter((r) => r !== undefined),
      ),
      ...session.lab.replays,
    ].map((r) => r.body.toString('utf8'));
    return new Set(
      bodies.flatMap((body) =>
        [...body.matchAll(/(?:https?:)?\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi)].map((m) =>
          m[1]!.toLowerCase(),
        ),
      ),
    );
  }

  /**
   * Every outside request must be a page's own, one no extension could have made, or one to a host the visitor
   * asked for (`asked`); returns the requests of pages seen going outside.
   */
  async function expectOnlyPagesAndBrowserOutside(asked: readonly string[] = []) {
    const { extensionOrigin } = session.browser;
    const seen = await session.browser.inExtension(seenRequests);
    const named = new Set([...hostsNamedByPages(), ...asked]);
    const labHost = new URL(session.lab.origin).host;
    const outsideSeen = seen.filter(
      (r) => URL.parse(r.url)?.host !== labHost && /^https?:/.test(r.url),
    );
    // What the extension could see going outside came from a lab page, to a host that page names: from its tab, or
    // (Firefox, for an image still loading as its tab closed) from no tab, but with the lab page as its origin.
    for (const request of outsideSeen) {
      expect(
        request.tabId >= 0 || request.from.startsWith(session.lab.origin),
        `${request.url} from ${request.from || 'nowhere'} in tab ${request.tabId}`,
      ).toBe(true);
      expect(request.from.startsWith(extensionOrigin), request.url).toBe(false);
      expect(named, request.url).toContain(hostOf(request.url));
    }
    // What reached the proxy for outside was either that, or the browser's own: unseen by any extension.
    for (const { method, target } of session.proxy.outside()) {
      const host = hostOf(target);
      const byPage = outsideSeen.some((r) => hostOf(r.url) === host);
      if (!byPage)
        expect(
          seen.some((r) => hostOf(r.url) === host),
          `${method} ${target} was seen by the extension, yet named by no page`,
        ).toBe(false);
    }
    return outsideSeen;
  }

  it('asks nothing of any host but the lab while every scenario and real gateway response is shown', async () => {
    const { lab, proxy, browser } = session;
    const urls = [
      ...lab.scenarios.map((s) => s.path),
      ...lab.replays.map((r) => `/gateway/${r.id}`),
    ].map((path) => session.fresh(path));
    for (let i = 0; i < urls.length; i += PER_CALL)
      await browser.inExtension(visit, {
        urls: urls.slice(i, i + PER_CALL),
        concurrency: CONCURRENCY,
        dwellMs: DWELL_MS,
      });

    const byPages = await expectOnlyPagesAndBrowserOutside();
    // The check above is not vacuous: real gateway pages do load their vendors' logos.
    expect(byPages.length).toBeGreaterThan(0);
    // Every page was asked for through the proxy, and the lab saw nothing the proxy did not pass on.
    const forwarded = proxy.forwarded().map((r) => pathOf(r.target));
    for (const url of urls) expect(forwarded).toContain(pathOf(url));
    expect(forwarded).toHaveLength(lab.requests().length);
    // The extension asked the network for nothing itself, but the pages this test opened from its extension page
    // (its own pages and scripts load from the extension, not the network).
    const seen = await browser.inExtension(seenRequests);
    const opened = new Set(urls);
    expect(
      seen.filter(
        (r) =>
          r.from.startsWith(browser.extensionOrigin) &&
          /^https?:/.test(r.url) &&
          !(r.type === 'main_frame' && opened.has(r.url)),
      ),
    ).toEqual([]);
  }, 90_000);

  it('asks again only for the page the visitor asked about, once, on Try again', async () => {
    const { lab, browser } = session;
    const { page, tabId, url } = await session.open('/scenarios/bad-gateway-html');
    await pollUntil('the panel', async () =>
      (await panelControls(browser, tabId))?.includes('Try again') ? true : undefined,
    );
    const before = {
      lab: lab.requests().length,
      seen: (await browser.inExtension(seenRequests)).length,
    };

    await clickInPanel(browser, tabId, 'Try again');
    await pollUntil('the retry to reach the lab', async () =>
      lab.requests().length > before.lab ? true : undefined,
    );
    // Long enough for any request that followed the retry to have been made.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(
      lab
        .requests()
        .slice(before.lab)
        .map((r) => r.path),
    ).toEqual([pathOf(url)]);
    // It was the extension's own request, which its webRequest sees: the attribution above can see such requests.
    const ours = (await browser.inExtension(seenRequests))
      .slice(before.seen)
      .filter((r) => r.from.startsWith(browser.extensionOrigin));
    expect(ours.map((r) => [r.url, r.tabId])).toEqual([[url, -1]]);
    await expectOnlyPagesAndBrowserOutside();
    await page.close();
  });

  it('opens an outside check only when its link is followed, and only that one', async () => {
    const { browser, proxy } = session;
    const { page, tabId } = await session.open('/scenarios/bad-gateway-html');
    await pollUntil('the panel', async () =>
      (await panelControls(browser, tabId))?.some((c) => c.startsWith(ARCHIVE_LINK))
        ? true
        : undefined,
    );
    const archive = () => proxy.outside().filter((r) => hostOf(r.target) === 'web.archive.org');
    expect(archive()).toEqual([]);
    // A real click where the panel has come to rest: a link that opens a tab needs the visitor's own gesture.
    let last: { x: number; y: number } | null = null;
    const link = await pollUntil('the link to stay put', async () => {
      const now = await controlCenter(browser, tabId, ARCHIVE_LINK);
      const still = now && last && now.x === last.x && now.y === last.y;
      last = now;
      return still ? now : undefined;
    });
    await page.clickAt(link.x, link.y);
    await pollUntil('the Wayback Machine to be asked', () =>
      archive().length > 0 ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // The browser may knock more than once at a tunnel it is refused: it is still that one page.
    expect(new Set(archive().map((r) => `${r.method} ${r.target}`))).toEqual(
      new Set(['CONNECT web.archive.org:443']),
    );
    await expectOnlyPagesAndBrowserOutside(['web.archive.org']);
    await page.close();
  });
});

const ARCHIVE_LINK = "Open the Wayback Machine's latest copy";
