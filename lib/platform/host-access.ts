import { browser } from 'wxt/browser';
import type { PermissionsChange, PermissionsEvent } from './permission-changes';

/**
 * Host access to every site. webRequest reports a response only from a site the extension may access, so without it
 * Gateway Doctor sees nothing. Chrome grants it at install unless the user restricts site access; Firefox lets the
 * user withhold it for Manifest V3 add-ons.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/manifest.json/host_permissions
 */
const ALL_SITES = { origins: ['<all_urls>'] };

type Permissions = typeof browser.permissions;

export function hasHostAccess(
  permissions: Pick<Permissions, 'contains'> = browser.permissions,
): Promise<boolean> {
  return permissions.contains(ALL_SITES);
}

/**
 * Asks the user for host access; true when granted. Both browsers refuse unless this is called from a user gesture
 * (a click handler in an extension page), before any `await` in that handler.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/permissions/request
 */
export function requestHostAccess(
  permissions: Pick<Permissions, 'request'> = browser.permissions,
): Promise<boolean> {
  return permissions.request(ALL_SITES);
}

/**
 * Calls `listener` with the current host access whenever the user grants or withdraws site access (from the add-ons
 * manager, the browser's extensions menu or our own page). Returns a function that stops listening.
 */
export function onHostAccessChanged(
  listener: (granted: boolean) => void,
  permissions: Pick<Permissions, 'contains'> & {
    onAdded: PermissionsEvent;
    onRemoved: PermissionsEvent;
  } = browser.permissions,
): () => void {
  // A change may touch a single site rather than all of them: ask again instead of reading the change.
  const recheck = (changed: PermissionsChange) => {
    if (!changed.origins?.length) return;
    void hasHostAccess(permissions).then(listener);
  };
  permissions.onAdded.addListener(recheck);
  permissions.onRemoved.addListener(recheck);
  return () => {
    permissions.onAdded.removeListener(recheck);
    permissions.onRemoved.removeListener(recheck);
  };
}
