import type { Diagnosis } from '@/lib/diagnosis/types';

/** A box of the hop diagram, in the words of Cloudflare's own error pages ("Working", "Error"). */
export type HopState = 'working' | 'error' | 'not-reached';

/**
 * The state of each hop. `failedHop` names the hop whose link to the next one failed, so the next hop is where the
 * answer went wrong; when it is the site's own server (the last hop), that server answered with the error itself.
 * With no HTTP answer at all, or a network sign-in page in the way, nothing behind the failed link was reached.
 */
export function hopStates({
  hops,
  failedHop,
  kind,
}: Pick<Diagnosis, 'hops' | 'failedHop' | 'kind'>): HopState[] {
  if (failedHop === null) return hops.map(() => 'working');
  const last = hops.length - 1;
  const behindFailure: HopState =
    kind === 'network' || kind === 'network-auth' ? 'not-reached' : 'error';
  return hops.map((_, index) => {
    if (index === last && failedHop === last) return 'error';
    if (index <= failedHop) return 'working';
    return index === failedHop + 1 ? behindFailure : 'not-reached';
  });
}

/** Index of the hop whose link to the next one is broken, or null when no link is (the site's server failed itself). */
export function brokenLinkFrom({ hops, failedHop }: Pick<Diagnosis, 'hops' | 'failedHop'>) {
  return failedHop !== null && failedHop < hops.length - 1 ? failedHop : null;
}
