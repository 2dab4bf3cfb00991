// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { keepAttached, raiseToTopLayer } from './top-layer';

let ctx: ContentScriptContext;
beforeEach(() => {
  vi.useFakeTimers();
  ctx = new ContentScriptContext('panel');
});
afterEach(() => {
  ctx.notifyInvalidated();
  document.body.replaceChildren();
  vi.useRealTimers();
});

/** Lets MutationObserver callbacks, which run as microtasks, see the latest change. */
const observed = () => vi.advanceTimersByTimeAsync(0);

describe('keepAttached', () => {
  it('puts the panel back when the page removes it', async () => {
    const host = document.createElement('gateway-doctor');
    document.body.append(host);
    keepAttached(host, () => document.body.append(host), ctx);
    host.remove();
    await observed();
    await vi.advanceTimersByTimeAsync(50);
    expect(host.isConnected).toBe(true);
  });

  it('backs off and gives up against a page that removes it for ever', async () => {
    const host = document.createElement('gateway-doctor');
    document.body.append(host);
    const reattach = vi.fn(() => document.body.append(host));
    new MutationObserver(() => {
      if (host.isConnected) host.remove();
    }).observe(document.body, { childList: true });
    keepAttached(host, reattach, ctx, { maxAttempts: 3, firstDelayMs: 50 });
    host.remove();
    await observed();
    await vi.advanceTimersByTimeAsync(49);
    expect(reattach).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(reattach).toHaveBeenCalledTimes(1);
    // 100 ms after the first attempt, then 200 ms after the second.
    await vi.advanceTimersByTimeAsync(100);
    expect(reattach).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(reattach).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reattach).toHaveBeenCalledTimes(3);
  });

  it('stops watching once stopped, and when the script is invalidated', async () => {
    const host = document.createElement('gateway-doctor');
    document.body.append(host);
    const reattach = vi.fn();
    const stop = keepAttached(host, reattach, ctx);
    stop();
    host.remove();
    await observed();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reattach).not.toHaveBeenCalled();

    document.body.append(host);
    keepAttached(host, reattach, ctx);
    ctx.notifyInvalidated();
    host.remove();
    await observed();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reattach).not.toHaveBeenCalled();
  });
});

describe('raiseToTopLayer', () => {
  it('shows the panel as a manual popover, which takes no focus and no light dismiss', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const show = vi.fn();
    Object.assign(root, { showPopover: show });
    raiseToTopLayer(root);
    expect(root.getAttribute('popover')).toBe('manual');
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('leaves the panel in its fixed corner where there is no Popover API', () => {
    const root = document.createElement('div');
    Object.assign(root, { showPopover: undefined });
    raiseToTopLayer(root);
    expect(root.hasAttribute('popover')).toBe(false);
  });
});
