/**
 * Host names as the WHATWG URL parser leaves them: IPv4 in dotted decimal (it rewrites `0x7f.1` to `127.0.0.1`),
 * IPv6 in brackets. An address has no name to look up, no parent domain and no status page.
 */
export function isIpHost(hostname: string): boolean {
  return hostname.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname);
}

/** The host of a web page's address, or undefined for anything else. */
export function webHostOf(pageUrl: string): string | undefined {
  try {
    const url = new URL(pageUrl);
    return /^https?:$/.test(url.protocol) && url.hostname !== '' ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

/** `domain` is `host` itself or one of its parent domains (on a label boundary). */
export function isSelfOrParent(host: string, domain: string): boolean {
  return domain !== '' && (host === domain || host.endsWith(`.${domain}`));
}
