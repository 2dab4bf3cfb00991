import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Marks the page as having its panel; lives in the extension's isolated world, out of the page's reach. */
const CLAIM = Symbol.for('gateway-doctor.panel');

interface ClaimedScope {
  [CLAIM]?: boolean;
}

/**
 * Claims the page for this run of the panel script; false when an earlier run has it, and this run must do nothing.
 *
 * A later run announces itself with WXT's script-started event, which invalidates the earlier run's context and so
 * removes its panel before the later run could even check the claim. While this run is alive, it stops that event
 * on the window, before it reaches the document where the context listens; a page that sends the event to take the
 * panel down is stopped the same way. Once the extension is reloaded (`runtime.id` gone), the event passes.
 */
export function claimPage(
  ctx: ContentScriptContext,
  startedEvent: string,
  isExtensionAlive: () => boolean,
  scope: ClaimedScope = globalThis as ClaimedScope,
  target: Pick<Window, 'addEventListener'> = window,
): boolean {
  if (scope[CLAIM] === true) return false;
  scope[CLAIM] = true;
  target.addEventListener(
    startedEvent,
    (event) => {
      if (isExtensionAlive()) event.stopImmediatePropagation();
    },
    { capture: true, signal: ctx.signal },
  );
  ctx.onInvalidated(() => {
    scope[CLAIM] = false;
  });
  return true;
}
