import { describe, expect, it, vi } from 'vitest';
import { fakePermissions } from '../../tests/support/fake-permissions';
import { requestPermission } from './optional-permissions';
import { onPermissionChanged } from './permission-changes';

describe('onPermissionChanged', () => {
  it('tells when the permission is granted and withdrawn, and nothing of others', async () => {
    const permissions = fakePermissions([]);
    const listener = vi.fn();
    onPermissionChanged('notifications', listener, permissions);
    await requestPermission('browsingData', permissions);
    expect(listener).not.toHaveBeenCalled();
    await requestPermission('notifications', permissions);
    expect(listener).toHaveBeenLastCalledWith(true);
    permissions.remove({ permissions: ['notifications'] });
    expect(listener).toHaveBeenLastCalledWith(false);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('stops listening when asked', () => {
    const permissions = fakePermissions(['notifications']);
    const listener = vi.fn();
    onPermissionChanged('notifications', listener, permissions)();
    permissions.remove({ permissions: ['notifications'] });
    expect(listener).not.toHaveBeenCalled();
    expect(permissions.onAdded.hasListeners() || permissions.onRemoved.hasListeners()).toBe(false);
  });
});
