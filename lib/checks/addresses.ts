/**
 * The DNS check: the address a fresh lookup gives for the site, against the one the failed request went to (which
 * webRequest reports as the response's `ip`).
 */
export type AddressComparison =
  /** The failed request went to an address the name still has: the browser's DNS was up to date. */
  | 'same'
  /** The name now points elsewhere: the browser used an outdated address. */
  | 'changed'
  /** The failed request's address is unknown (a proxy, or a cached answer), so there is nothing to compare. */
  | 'not-recorded';

/** `[2001:db8::1]` and `2001:DB8::1` name the same address. */
const normalized = (address: string) =>
  address
    .trim()
    .replace(/^\[|\]$/g, '')
    .toLowerCase();

export function compareAddresses(
  observedIp: string | undefined,
  addresses: readonly string[],
): AddressComparison {
  if (!observedIp) return 'not-recorded';
  const observed = normalized(observedIp);
  return addresses.some((address) => normalized(address) === observed) ? 'same' : 'changed';
}
