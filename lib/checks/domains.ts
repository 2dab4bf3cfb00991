/**
 * Registrable domains, from the Public Suffix List as tldts ships it. https://github.com/remusao/tldts
 * Its minified ES module is imported rather than its source build, whose list bundles to twice the size (115 KB
 * gzipped against 50); either way the popup imports this module only when the visitor presses a button that needs it.
 */
import { getDomain } from 'tldts/dist/index.esm.min.js';

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
