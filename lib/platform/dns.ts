import { browser } from 'wxt/browser';

/** Firefox's `browser.dns`, which Chrome's types (and Chrome) do not have. */
export interface Dns {
  resolve(hostname: string, flags?: string[]): Promise<{ readonly addresses: readonly string[] }>;
}

/**
 * Firefox's DNS API (permission `dns`, declared in the Firefox build only): a lookup that skips the browser's DNS
 * cache. Chrome has no such API, so there this is undefined.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/dns/resolve
 */
export function browserDns(): Dns | undefined {
  return (browser as { dns?: Dns }).dns;
}

export async function resolveAfresh(hostname: string, dns: Dns): Promise<string[]> {
  const record = await dns.resolve(hostname, ['bypass_cache']);
  return [...record.addresses];
}
