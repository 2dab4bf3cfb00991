import { browser } from 'wxt/browser';

/**
 * The permissions asked for when first used rather than at install (optional_permissions in wxt.config.ts):
 * "Clear this site's data" needs browsingData, a watch's notification needs notifications.
 */
export type OptionalPermission = 'notifications' | 'browsingData';

type Permissions = typeof browser.permissions;

export function hasPermission(
  name: OptionalPermission,
  permissions: Pick<Permissions, 'contains'> = browser.permissions,
): Promise<boolean> {
  return permissions.contains({ permissions: [name] }).catch(() => false);
}

/**
 * Asks the user for a permission; true when it is granted (at once, with no prompt, when it already is). Only an
 * extension page can ask, from a click handler, before any `await` in it: Firefox refuses a request made later, and
 * the promise then rejects, read here as not granted.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/permissions/request
 */
export function requestPermission(
  name: OptionalPermission,
  permissions: Pick<Permissions, 'request'> = browser.permissions,
): Promise<boolean> {
  return permissions.request({ permissions: [name] }).catch(() => false);
}
