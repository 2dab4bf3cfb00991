/**
 * Reaching into the panel's closed shadow root from a test, in the page's isolated world (chrome.dom's
 * openOrClosedShadowRoot in Chromium, the element's openOrClosedShadowRoot in Firefox: both for extensions only).
 * `askPanel` goes to `Harness.inExtension`, and the function it hands to executeScript is serialised again by the
 * browser: both are self-contained. The panel is the last element of its name: a page may put a fake of its own first.
 */
import type { ExtensionApi, Harness } from './harness';

type Ask =
  | { readonly what: 'controls' }
  | { readonly what: 'text' }
  /** Clicks the control whose text starts with `label`; true when it was found. */
  | { readonly what: 'click'; readonly label: string }
  /** The middle of the control whose text starts with `label`, in viewport pixels, scrolled into view. */
  | { readonly what: 'center'; readonly label: string };

const askPanel = (api: ExtensionApi, { tabId, ask }: { tabId: number; ask: Ask }) =>
  api.scripting
    .executeScript({
      target: { tabId, frameIds: [0] },
      args: [ask],
      func: (asked: Ask) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const world = globalThis as any;
        for (const host of [...document.querySelectorAll('gateway-doctor')].reverse()) {
          const root: ShadowRoot | null = world.chrome?.dom?.openOrClosedShadowRoot
            ? world.chrome.dom.openOrClosedShadowRoot(host)
            : // eslint-disable-next-line @typescript-eslint/no-explicit-any
              (host as any).openOrClosedShadowRoot;
          const aside = root?.querySelector('aside');
          if (!root || !aside) continue;
          const controls = [...root.querySelectorAll('button, a')] as HTMLElement[];
          if (asked.what === 'controls') return controls.map((c) => c.textContent ?? '');
          if (asked.what === 'text') return aside.textContent ?? '';
          const control = controls.find((c) => (c.textContent ?? '').startsWith(asked.label));
          if (!control) return asked.what === 'click' ? false : null;
          if (asked.what === 'click') {
            // Just after the script returns: a click that reloads the tab would otherwise leave executeScript
            // waiting for a frame that is gone.
            setTimeout(() => control.click(), 50);
            return true;
          }
          control.scrollIntoView({ block: 'center' });
          const rect = control.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        return asked.what === 'click' ? false : null;
      },
    })
    .then((results: { result?: unknown }[]) => results[0]?.result ?? null);

const ask = <T>(browser: Harness, tabId: number, asked: Ask) =>
  browser.inExtension(askPanel, { tabId, ask: asked }) as Promise<T | null>;

/** The labels of the panel's buttons and links, or null when there is no panel (yet). */
export const panelControls = (browser: Harness, tabId: number) =>
  ask<string[]>(browser, tabId, { what: 'controls' });

/** The panel's text, or null when there is no panel (yet). */
export const panelText = (browser: Harness, tabId: number) =>
  ask<string>(browser, tabId, { what: 'text' });

/** Clicks the panel's control whose text starts with `label`. True when it was found. */
export const clickInPanel = async (browser: Harness, tabId: number, label: string) =>
  (await ask<boolean>(browser, tabId, { what: 'click', label })) ?? false;

/** The middle of the panel's control whose text starts with `label`, in viewport pixels, or null. */
export const controlCenter = (browser: Harness, tabId: number, label: string) =>
  ask<{ x: number; y: number }>(browser, tabId, { what: 'center', label });
