import { describe, expect, it, vi } from 'vitest';
import { hasHostAccess, onHostAccessChanged, requestHostAccess } from './host-access';

type Change = { origins?: string[]; permissions?: string[] };

function fakeEvent() {
  const listeners = new Set<(change: Change) => void>();
  return {
    addListener: (listener: (change: Change) => void) => void listeners.add(listener),
    removeListener: (listener: (change: Change) => void) => void listeners.delete(listener),
    hasListener: (listener: (change: Change) => void) => listeners.has(listener),
    hasListeners: () => listeners.size > 0,
    fire: (change: Change) => listeners.forEach((listener) => listener(change)),
  };
}

/**
 * The permissions API as MDN describes it: `contains` is true only when every origin asked for is granted,
 * `request` resolves to the user's answer, and onAdded/onRemoved report what changed.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/permissions
 */
function fakePermissions(granted: string[], userAnswer = true) {
  const origins = new Set(granted);
  const onAdded = fakeEvent();
  const onRemoved = fakeEvent();
  return {
    origins,
    onAdded,
    onRemoved,
    contains: vi.fn(async (asked: { origins?: string[] }) =>
      (asked.origins ?? []).every((origin) => origins.has(origin)),
    ),
    request: vi.fn(async (asked: { origins?: string[] }) => {
      if (!userAnswer) return false;
      asked.origins?.forEach((origin) => origins.add(origin));
      onAdded.fire({ origins: asked.origins ?? [], permissions: [] });
      return true;
    }),
    remove(removed: string[]) {
      removed.forEach((origin) => origins.delete(origin));
      onRemoved.fire({ origins: removed, permissions: [] });
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('hasHostAccess', () => {
  it('asks whether every site is allowed', async () => {
    const permissions = fakePermissions(['<all_urls>']);
    expect(await hasHostAccess(permissions)).toBe(true);
    expect(permissions.contains).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
  });

  it('is false when the user allowed only some sites', async () => {
    expect(await hasHostAccess(fakePermissions(['https://shop.example/*']))).toBe(false);
  });
});

describe('requestHostAccess', () => {
  it('asks for every site and reports the grant', async () => {
    const permissions = fakePermissions([]);
    expect(await requestHostAccess(permissions)).toBe(true);
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
    expect(await hasHostAccess(permissions)).toBe(true);
  });

  it('reports a refusal', async () => {
    const permissions = fakePermissions([], false);
    expect(await requestHostAccess(permissions)).toBe(false);
    expect(await hasHostAccess(permissions)).toBe(false);
  });
});

describe('onHostAccessChanged', () => {
  it('tells when access to all sites is withdrawn and granted again', async () => {
    const permissions = fakePermissions(['<all_urls>']);
    const listener = vi.fn();
    onHostAccessChanged(listener, permissions);

    permissions.remove(['<all_urls>']);
    await settle();
    expect(listener).toHaveBeenLastCalledWith(false);

    await requestHostAccess(permissions);
    await settle();
    expect(listener).toHaveBeenLastCalledWith(true);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('still reports no access when a single site is granted', async () => {
    const permissions = fakePermissions([]);
    const listener = vi.fn();
    onHostAccessChanged(listener, permissions);
    permissions.onAdded.fire({ origins: ['https://shop.example/*'], permissions: [] });
    await settle();
    expect(listener).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('ignores changes to API permissions, which do not decide what webRequest sees', async () => {
    const permissions = fakePermissions(['<all_urls>']);
    const listener = vi.fn();
    onHostAccessChanged(listener, permissions);
    permissions.onAdded.fire({ origins: [], permissions: ['notifications'] });
    permissions.onRemoved.fire({ permissions: ['notifications'] });
    await settle();
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops listening when asked', async () => {
    const permissions = fakePermissions(['<all_urls>']);
    const listener = vi.fn();
    const stop = onHostAccessChanged(listener, permissions);
    stop();
    permissions.remove(['<all_urls>']);
    await settle();
    expect(listener).not.toHaveBeenCalled();
    expect(permissions.onAdded.hasListeners() || permissions.onRemoved.hasListeners()).toBe(false);
  });
});
