/**
 * Registrable domains, from the Public Suffix List as tldts ships it (about 47 KB gzipped: the popup imports this
 * module only when the visitor presses a button that needs it). https://github.com/remusao/tldts
 */
import { getDomain } from 'tldts';

/**
 * The domain Chrome clears cookies for when asked to clear one origin: its registrable domain with the list's
 * private section counted, as Chrome's own (`user.github.io` is a site of its own, not part of `github.io`).
 */
export function cookieDomainOf(hostname: string): string | null {
  return getDomain(hostname, { allowPrivateDomains: true, extractHostname: false });
}

/** The domain a site's status page hangs off: `shop.example.co.uk` → `example.co.uk`. */
export function siteDomainOf(hostname: string): string | null {
  return getDomain(hostname, { allowPrivateDomains: false, extractHostname: false });
}
