import { describe, expect, it, vi } from 'vitest';
import { fakePermissions } from '../../tests/support/fake-permissions';
import { hasHostAccess, onHostAccessChanged, requestHostAccess } from './host-access';

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

    permissions.remove({ origins: ['<all_urls>'] });
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
    permissions.remove({ origins: ['<all_urls>'] });
    await settle();
    expect(listener).not.toHaveBeenCalled();
    expect(permissions.onAdded.hasListeners() || permissions.onRemoved.hasListeners()).toBe(false);
  });
});
