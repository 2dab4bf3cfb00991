import { browser } from 'wxt/browser';
import type { OptionalPermission } from './optional-permissions';

// Apart from optional-permissions.ts: the popup, which only asks, does not load it (its size budget is tight).

/** What permissions.onAdded and onRemoved report: the origins and API permissions granted or withdrawn. */
export type PermissionsChange = { origins?: string[]; permissions?: string[] };
/** The part of permissions.onAdded and onRemoved used here and in host-access.ts. */
export interface PermissionsEvent {
  addListener(listener: (changed: PermissionsChange) => void): void;
  removeListener(listener: (changed: PermissionsChange) => void): void;
}

/**
 * Calls `listener` with whether `name` is granted each time it is granted or withdrawn (from our pages, or the
 * browser's add-ons manager). Returns a function that stops listening.
 */
export function onPermissionChanged(
  name: OptionalPermission,
  listener: (granted: boolean) => void,
  permissions: { onAdded: PermissionsEvent; onRemoved: PermissionsEvent } = browser.permissions,
): () => void {
  const granted = (changed: PermissionsChange) => {
    if (changed.permissions?.includes(name)) listener(true);
  };
  const withdrawn = (changed: PermissionsChange) => {
    if (changed.permissions?.includes(name)) listener(false);
  };
  permissions.onAdded.addListener(granted);
  permissions.onRemoved.addListener(withdrawn);
  return () => {
    permissions.onAdded.removeListener(granted);
    permissions.onRemoved.removeListener(withdrawn);
  };
}
