import { describe, expect, it, vi } from 'vitest';
import { fakePermissions } from '../../tests/support/fake-permissions';
import { hasPermission, requestPermission } from './optional-permissions';

describe('hasPermission', () => {
  it('asks for the one API permission', async () => {
    const permissions = fakePermissions(['browsingData']);
    expect(await hasPermission('browsingData', permissions)).toBe(true);
    expect(await hasPermission('notifications', permissions)).toBe(false);
    expect(permissions.contains).toHaveBeenCalledWith({ permissions: ['notifications'] });
  });

  it('reads a browser that cannot answer as not granted', async () => {
    const permissions = { contains: vi.fn().mockRejectedValue(new Error('Type error')) };
    expect(await hasPermission('notifications', permissions)).toBe(false);
  });
});

describe('requestPermission', () => {
  it('asks for the permission and reports the grant', async () => {
    const permissions = fakePermissions([]);
    expect(await requestPermission('notifications', permissions)).toBe(true);
    expect(permissions.request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(await hasPermission('notifications', permissions)).toBe(true);
  });

  it('reports a refusal', async () => {
    const permissions = fakePermissions([], false);
    expect(await requestPermission('browsingData', permissions)).toBe(false);
    expect(await hasPermission('browsingData', permissions)).toBe(false);
  });

  it('reads a request the browser rejects (no user gesture) as a refusal', async () => {
    const permissions = {
      request: vi
        .fn()
        .mockRejectedValue(new Error('May only request permissions from a user input handler')),
    };
    expect(await requestPermission('browsingData', permissions)).toBe(false);
  });
});
