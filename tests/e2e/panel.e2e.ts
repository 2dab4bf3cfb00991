import { beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayFixture } from '../support/fixtures';
import { requestHeader } from '../lab/server';
import { BROWSERS, browserSession, pollUntil, type ExtensionApi, type TestPage } from './harness';
import { clickReally } from './real-click';

/** What the panel shows, read in the extension's isolated world through its closed shadow root. */
interface PanelView {
  readonly hosts: number;
  readonly label: string | null;
  readonly text: string;
  /** Each box of the hop diagram as a screen reader reads it (marks drawn for the eye left out). */
  readonly hops: readonly string[];
  readonly width: number;
  readonly height: number;
  readonly fontSize: string;
  /** The panel is what a click at its top would hit: nothing of the page's covers it. */
  readonly onTop: boolean;
  /** The page's focused element is the panel's host. */
  readonly hostFocused: boolean;
  /** Text of the focused control inside the panel. */
  readonly focused: string | null;
  /** The pill's text when the panel is shrunk to it. */
  readonly pill: string | null;
}

/** `escape`: Escape from the panel's first button; `click:<text>`: a click on the button with that text. */
type PanelAction = 'read' | 'escape' | `click:${string}`;

/**
 * Runs in the page's isolated world (chrome.dom.openOrClosedShadowRoot in Chromium, the openOrClosedShadowRoot
 * property in Firefox: both for extensions only). Self-contained and without named inner functions: the browser
 * serialises it again, without the helpers the test's compiler adds.
 */
const inspectPanel = (api: ExtensionApi, { tabId, action }: { tabId: number; action: string }) =>
  api.scripting
    .executeScript({
      target: { tabId, frameIds: [0] },
      args: [action],
      func: (act: string) => {
        const host = document.querySelector('gateway-doctor');
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const world = globalThis as any;
        const root: ShadowRoot | null | undefined =
          host &&
          (world.chrome?.dom?.openOrClosedShadowRoot
            ? world.chrome.dom.openOrClosedShadowRoot(host)
            : // eslint-disable-next-line @typescript-eslint/no-explicit-any
              (host as any).openOrClosedShadowRoot);
        if (!host || !root?.querySelector('aside')) return null;
        if (act === 'escape') {
          const first = root.querySelector('aside button') as HTMLElement;
          first.focus();
          first.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
          );
        } else if (act.startsWith('click:')) {
          const button = [...root.querySelectorAll('button')].find(
            (candidate) => candidate.textContent === act.slice('click:'.length),
          );
          // After this script has returned: a click that reloads the tab would otherwise leave Chrome's
          // executeScript waiting for a result from a frame that is gone.
          setTimeout(() => button?.click(), 50);
        }
        const aside = root.querySelector('aside') as HTMLElement;
        const rect = aside.getBoundingClientRect();
        return {
          hosts: document.querySelectorAll('gateway-doctor').length,
          label: aside.getAttribute('aria-label'),
          text: aside.textContent ?? '',
          hops: [...aside.querySelectorAll('ol[aria-label] > li')].map((item) => {
            const copy = item.cloneNode(true) as Element;
            copy.querySelectorAll('[aria-hidden="true"]').forEach((mark) => mark.remove());
            return copy.textContent ?? '';
          }),
          width: aside.offsetWidth,
          height: aside.offsetHeight,
          fontSize: getComputedStyle(aside).fontSize,
          onTop: document.elementFromPoint(rect.left + rect.width / 2, rect.top + 8) === host,
          hostFocused: document.activeElement === host,
          focused: root.activeElement?.textContent ?? null,
          pill: root.querySelector('button[aria-expanded]')?.textContent ?? null,
        };
      },
    })
    .then((results: { result?: unknown }[]) => results[0]?.result ?? null);

/** Brand names as the vendors write them, for replays whose only gateway answered for the site's server. */
const REPLAYS: readonly (readonly [id: string, brand: string])[] = [
  ['cloudflare-522', 'Cloudflare'],
  ['aws-cloudfront-502-origin-closed', 'AWS CloudFront'],
  ['nginx-502-chrome', 'nginx'],
  ['haproxy-504', 'HAProxy'],
  ['varnish-503-backend-fetch-failed', 'Varnish'],
  ['akamai-504-gateway-timeout', 'Akamai'],
  ['traefik-502', 'Traefik'],
  ['envoy-504-upstream-request-timeout', 'Envoy'],
  ['kong-502-json', 'Kong'],
  ['azure-front-door-503', 'Azure Front Door'],
];

describe.each(BROWSERS)('panel in %s', (browserName) => {
  const session = browserSession(browserName);
  const { open } = session;

  const panel = (tabId: number, action: PanelAction = 'read') =>
    session.browser.inExtension(inspectPanel, { tabId, action }) as Promise<PanelView | null>;

  /** The panel once it has appeared and finished entering (160 ms, or none with reduced motion). */
  async function shownPanel(tabId: number, what: string) {
    await pollUntil(`the panel on ${what}`, async () => (await panel(tabId)) ?? undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return (await panel(tabId))!;
  }

  const hasHost = (page: TestPage) =>
    page.evaluate<boolean>('document.querySelector("gateway-doctor") !== null');

  it.each(REPLAYS)(
    'names the code, the gateway and the failed link for the real %s response',
    async (id, brand) => {
      const fixture = loadGatewayFixture(id);
      expect(fixture.expectedChain).toHaveLength(1);
      const { page, tabId } = await open(`/gateway/${id}`);
      const view = await shownPanel(tabId, id);
      expect(view.hosts).toBe(1);
      expect(view.label).toBe('Gateway Doctor: why this page did not load');
      expect(view.text).toContain(String(fixture.status));
      expect(view.hops[0]).toBe('YouWorking');
      expect(view.hops[1]).toContain(brand);
      expect(view.hops.at(-1)).toBe(
        `Connection failed: ${brand} → The site's serverThe site's serverError`,
      );
      expect(view.hostFocused).toBe(false);
      await page.close();
    },
  );

  it('draws a Cloudflare error as Cloudflare’s own page does', async () => {
    const fixture = loadGatewayFixture('cloudflare-522');
    const printed = [
      ...fixture.body.matchAll(/text-(?:green-success|red-error)">(Working|Error)</g),
    ].map((match) => match[1]);
    const { page, tabId } = await open('/gateway/cloudflare-522');
    const view = await shownPanel(tabId, 'cloudflare-522');
    expect(view.hops.map((hop) => /(Working|Error)$/.exec(hop)?.[1])).toEqual(printed);
    await page.close();
  });

  it.each([
    '/scenarios/healthy-page',
    '/scenarios/healthy-many-subresources',
    '/scenarios/page-api-fails',
    '/scenarios/page-frame-fails',
    '/scenarios/cloudflare-challenge',
  ])('stays off %s', async (path) => {
    const { page } = await open(path);
    // Long enough for the background to have handled the load (it injects on the tab's completion).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await hasHost(page)).toBe(false);
    await page.close();
  });

  it('shrinks to a pill on Escape, with focus on it, and opens again from it', async () => {
    const { page, tabId } = await open('/scenarios/bad-gateway-html');
    await shownPanel(tabId, 'bad-gateway-html');
    await panel(tabId, 'escape');
    const pill = await pollUntil('focus on the pill', async () => {
      const view = await panel(tabId);
      return view?.pill && view.focused === view.pill ? view : undefined;
    });
    expect(pill.pill).toBe('502 Bad Gateway: what went wrong?');
    expect(pill.text).not.toContain('What you can do');
    await panel(tabId, `click:${pill.pill}`);
    await pollUntil('the card again', async () =>
      (await panel(tabId))?.text.includes('What you can do') ? true : undefined,
    );
    await page.close();
  });

  it('does nothing when injected a second time: one panel, as the visitor left it', async () => {
    const { page, tabId } = await open('/scenarios/bad-gateway-html');
    await shownPanel(tabId, 'bad-gateway-html');
    await panel(tabId, 'escape');
    await pollUntil('the pill', async () => (await panel(tabId))?.pill ?? undefined);
    await session.browser.inExtension(
      (api: ExtensionApi, id: number) =>
        api.scripting.executeScript({
          target: { tabId: id, frameIds: [0] },
          files: ['/content-scripts/panel.js'],
        }),
      tabId,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const view = await panel(tabId);
    expect(view?.hosts).toBe(1);
    expect(view?.pill).toBe('502 Bad Gateway: what went wrong?');
    await page.close();
  });

  it('asks the site again on Try again, and reloads around the cache on Reload without cache', async () => {
    const { page, tabId, url } = await open('/scenarios/bad-gateway-html');
    await shownPanel(tabId, 'bad-gateway-html');
    const runToken = new URL(url).searchParams.get('run') ?? '';
    const requests = () => session.lab.requests({ scenario: 'bad-gateway-html', run: runToken });
    expect(requests()).toHaveLength(1);

    await panel(tabId, 'click:Try again');
    const answer = await pollUntil('the answer to Try again', async () => {
      const text = (await panel(tabId))?.text ?? '';
      return text.includes('Still failing') ? text : undefined;
    });
    expect(answer).toContain('Still failing: the site answered 502 again.');
    expect(requests()).toHaveLength(2);

    // This click reloads the tab: its answer may be lost with the page on a loaded machine, and is not needed; the
    // lab's request log below is the evidence.
    await panel(tabId, 'click:Reload without cache').catch(() => null);
    const reload = await pollUntil('the reload to reach the lab', async () => requests()[2]);
    // A reload that bypasses the cache asks every cache on the way to revalidate (RFC 9111 section 5.2.1.4).
    expect(requestHeader(reload, 'cache-control')).toBe('no-cache');
    await page.close();
  });

  it('clears this site’s data after its confirmation, once allowed from the toolbar’s popup', async () => {
    const url = session.fresh('/scenarios/fails-with-cookies');
    const run = new URL(url).searchParams.get('run') ?? '';
    const lastCookie = () => {
      const last = session.lab.requests({ scenario: 'fails-with-cookies', run }).at(-1);
      return last && requestHeader(last, 'cookie');
    };
    const page = await session.browser.newPage();
    // The first visit signs in with a large session cookie; the next one, carrying it, fails.
    const failWithCookie = async () => {
      await page.goto(url);
      await page.goto(url);
      expect(lastCookie()).toContain('lab_session=');
      const tabId = await session.browser.tabIdOf(url);
      await shownPanel(tabId, 'fails-with-cookies');
      return tabId;
    };
    const confirmInPanel = async (tabId: number) => {
      await panel(tabId, "click:Clear this site's data…");
      const confirmation = await pollUntil('the confirmation', async () => {
        const text = (await panel(tabId))?.text ?? '';
        return text.includes('Clear and sign me out') ? text : undefined;
      });
      await panel(tabId, 'click:Clear and sign me out');
      return confirmation;
    };

    // browsingData is asked for when first used, and the panel, a content script, cannot ask.
    let tabId = await failWithCookie();
    await confirmInPanel(tabId);
    await pollUntil('the panel to say where to go', async () =>
      (await panel(tabId))?.text.includes(
        'Nothing was cleared: Gateway Doctor needs your permission to clear site data, and only its own window can ask for it.',
      )
        ? true
        : undefined,
    );
    await page.goto(url);
    expect(lastCookie()).toContain('lab_session=');

    // The popup can: its Clear asks (Chrome grants it without a prompt, the harness answers Firefox's).
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await pollUntil('the popup’s clear step', async () =>
      (await popup.evaluate<boolean>('document.querySelector("#check-clear button") !== null'))
        ? true
        : undefined,
    );
    await clickReally(popup, '#check-clear', "Clear this site's data…");
    // Chrome's confirmation waits for the registrable domain, looked up when it opens.
    await pollUntil('the popup’s confirmation', async () =>
      (await popup.evaluate<boolean>(
        'document.querySelector("#check-clear [role=group]") !== null',
      ))
        ? true
        : undefined,
    );
    await clickReally(popup, '#check-clear', 'Clear and sign me out');
    await pollUntil('the popup’s clearing', async () =>
      (
        await popup.evaluate<string>(
          'document.querySelector("#check-clear [role=status]")?.textContent ?? ""',
        )
      ).startsWith('Cleared at')
        ? true
        : undefined,
    );
    await popup.close();

    // From then on the panel clears too.
    tabId = await failWithCookie();
    const confirmation = await confirmInPanel(tabId);
    expect(confirmation).toContain('signs you out');
    expect(confirmation).toContain(
      browserName === 'chromium'
        ? 'Chrome deletes the cookies of the whole site 127.0.0.1 belongs to'
        : "Firefox cannot clear one site's cached files",
    );
    await pollUntil('the clearing', async () =>
      (await panel(tabId))?.text.includes('you are signed out of this site') ? true : undefined,
    );
    await page.goto(url);
    expect(lastCookie()).toBeUndefined();
    await page.close();
  });

  it('shows a small notice, not the card, over a page that rendered its content', async () => {
    const { page, tabId } = await open('/scenarios/server-error-with-content');
    const view = await shownPanel(tabId, 'server-error-with-content');
    expect(view.text).toContain('yet it shows content');
    expect(view.text).not.toContain('What you can do');
    expect(view.width).toBeLessThan(360);
    await page.close();
  });

  describe('on hostile pages', () => {
    let plain: PanelView;
    beforeAll(async () => {
      const { page, tabId } = await open('/scenarios/bad-gateway-html');
      plain = await shownPanel(tabId, 'bad-gateway-html');
      expect(plain.onTop).toBe(true);
      await page.close();
    });

    it.each([
      'hostile-css-reset',
      'hostile-root-font-size',
      'hostile-strict-csp',
      'hostile-overlay',
      'hostile-prototypes',
      'hostile-message-flood',
    ])('looks the same on %s as on a plain page, above everything', async (id) => {
      const { page, tabId } = await open(`/scenarios/${id}`);
      const view = await shownPanel(tabId, id);
      expect(view).toEqual(plain);
      await page.close();
    });

    it('is there once a page that reloads itself in a loop settles', async () => {
      const { page, tabId } = await open('/scenarios/hostile-reload-loop');
      const reloads = () =>
        page.evaluate<string>('document.getElementById("reloads")?.textContent');
      await pollUntil(
        'the loop to end',
        async () => ((await reloads()) === '20' ? true : undefined),
        {
          timeoutMs: 30_000,
        },
      );
      expect(await shownPanel(tabId, 'hostile-reload-loop')).toEqual(plain);
      await page.close();
    }, 60_000);

    it('puts itself back a few times on a page that removes it, then lets the page win', async () => {
      const { page } = await open('/scenarios/hostile-element-remover');
      // The panel backs off from 50 ms, doubling, for 8 attempts: 12.75 s in all.
      await new Promise((resolve) => setTimeout(resolve, 16_000));
      const removed = Number(
        await page.evaluate<string>('document.getElementById("removed").textContent'),
      );
      // The first mount and each of the 8 attempts, and not one more: no loop that would freeze the page.
      expect(removed).toBe(9);
      await page.close();
    }, 60_000);
  });
});
