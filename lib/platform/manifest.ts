import { browser } from 'wxt/browser';

/** Everything the built manifest asks for: permissions, optional permissions and host permissions. */
export function requestedPermissions(
  runtime: Pick<typeof browser.runtime, 'getManifest'> = browser.runtime,
): string[] {
  const manifest = runtime.getManifest();
  return [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
  ].map(String);
}
