import { browser } from 'wxt/browser';
import type { PageMarkers } from '../diagnosis/types';

export type PageReading =
  | { readonly kind: 'read'; readonly markers: PageMarkers }
  /** Chrome shows its own error page (a 5xx with an empty body): no script can run there. */
  | { readonly kind: 'error-page' }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** Runs in the page's isolated world, so the page's own scripts and prototype overrides cannot change what it reads. */
function readMarkers(limit: number): PageMarkers {
  return {
    title: String(document.title ?? '').slice(0, 512),
    text: String(document.body?.innerText ?? document.documentElement?.textContent ?? '').slice(
      0,
      limit,
    ),
  };
}

const MARKER_TEXT_LIMIT = 4096;

/**
 * Reads the failed page's title and the text near its top, which name many gateways (nginx's footer, Cloudflare's
 * page, a Cloudflare 1xxx code). https://developer.chrome.com/docs/extensions/reference/api/scripting#method-executeScript
 */
export async function readPage(tabId: number, scripting = browser.scripting): Promise<PageReading> {
  try {
    const [result] = await settledWithin(
      scripting.executeScript({
        target: { tabId, frameIds: [0] },
        func: readMarkers,
        args: [MARKER_TEXT_LIMIT],
      }),
    );
    const markers = result?.result as PageMarkers | undefined;
    if (!markers || typeof markers.title !== 'string' || typeof markers.text !== 'string') {
      return { kind: 'unreadable', reason: 'no result' };
    }
    return { kind: 'read', markers };
  } catch (error) {
    if (isErrorPage(error)) return { kind: 'error-page' };
    return { kind: 'unreadable', reason: messageOf(error) };
  }
}

/** How an injection went: `error-page` is Chrome's own error page, where no script can run. */
export type Injection = 'injected' | 'error-page' | 'failed';

/** Injects the troubleshooting panel into the tab's top frame. */
export async function injectPanel(
  tabId: number,
  scripting = browser.scripting,
): Promise<Injection> {
  try {
    await settledWithin(
      scripting.executeScript({
        target: { tabId, frameIds: [0] },
        files: ['/content-scripts/panel.js'],
      }),
    );
    return 'injected';
  } catch (error) {
    // Otherwise the tab navigated away or closed meanwhile, or the page forbids scripts (a browser page): nothing
    // to show.
    return isErrorPage(error) ? 'error-page' : 'failed';
  }
}

/**
 * How long a script injection may take. Firefox can leave executeScript unsettled when the page reloads during it
 * (an error page that reloads itself, in the e2e floods); the tab's refreshes run one at a time, so one that never
 * ended would hold back every later one, and the tab would never get its panel or its badge.
 */
export const INJECTION_TIMEOUT_MS = 3_000;

function settledWithin<T>(call: Promise<T>, ms = INJECTION_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
  });
  return Promise.race([call, late]).finally(() => clearTimeout(timer));
}

const messageOf = (error: unknown) => String(error instanceof Error ? error.message : error);

/** Chrome: "Frame with ID 0 is showing error page". */
const isErrorPage = (error: unknown) => /error page/i.test(messageOf(error));
