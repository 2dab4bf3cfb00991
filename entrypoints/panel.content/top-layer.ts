import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Puts the panel in the browser's top layer (a manual popover): above every z-index, and outside any transform,
 * filter or opacity a page sets on its own elements, which a fixed element inside them would inherit. A manual
 * popover takes no focus and closes on neither Escape nor an outside click. Without the Popover API the panel's
 * own fixed position and maximal z-index still apply.
 * https://developer.mozilla.org/en-US/docs/Web/API/Popover_API
 */
export function raiseToTopLayer(panelRoot: HTMLElement): void {
  if (typeof panelRoot.showPopover !== 'function') return;
  panelRoot.popover = 'manual';
  if (panelRoot.isConnected && !panelRoot.matches(':popover-open')) panelRoot.showPopover();
}

export interface KeepAttachedOptions {
  readonly maxAttempts?: number;
  readonly firstDelayMs?: number;
}

/**
 * Puts the panel back when a page script removes it, a few times, backing off: a page that removes it for ever wins
 * after a dozen seconds instead of the two fighting in a loop that would freeze the page.
 */
export function keepAttached(
  host: Element,
  reattach: () => void,
  ctx: ContentScriptContext,
  { maxAttempts = 8, firstDelayMs = 50 }: KeepAttachedOptions = {},
): () => void {
  let attempts = 0;
  let pending = false;
  const observer = new MutationObserver(() => {
    if (host.isConnected || pending || attempts >= maxAttempts) return;
    pending = true;
    ctx.setTimeout(
      () => {
        pending = false;
        attempts += 1;
        if (!host.isConnected) reattach();
      },
      firstDelayMs * 2 ** attempts,
    );
  });
  observer.observe(host.ownerDocument, { childList: true, subtree: true });
  const stop = () => observer.disconnect();
  ctx.onInvalidated(stop);
  return stop;
}
