/**
 * The clean-session comparison: the failed page asked for twice at once, with the site's cookies and without any.
 * A gateway that fails only for one visitor's requests is often choking on their cookies: nginx answers 502 when a
 * response's headers outgrow its buffers ("upstream sent too big header"), and Cloudflare's 520 and 400s list
 * oversized cookie headers among their causes.
 */
export interface ProbeAnswer {
  /** `back`: an answer that is not a 5xx; `still-failing`: a 5xx; `no-answer`: nothing came back. */
  readonly outcome: 'back' | 'still-failing' | 'no-answer';
}

export type SessionVerdict =
  /** Only the clean request got an answer: the visitor's session or cookies are the problem. */
  | 'session'
  /** Both failed: the problem is the site's, whoever asks. */
  | 'site'
  /** Both got an answer: the site works again. */
  | 'works'
  /** Only the request with cookies got an answer: the site fails for anonymous visitors, not for this one. */
  | 'signed-in-only'
  /** At least one got no answer at all: the network or the site is unreachable, so nothing can be compared. */
  | 'no-answer';

export function sessionVerdict(
  withCookies: ProbeAnswer,
  withoutCookies: ProbeAnswer,
): SessionVerdict {
  if (withCookies.outcome === 'no-answer' || withoutCookies.outcome === 'no-answer')
    return 'no-answer';
  if (withCookies.outcome === 'back')
    return withoutCookies.outcome === 'back' ? 'works' : 'signed-in-only';
  return withoutCookies.outcome === 'back' ? 'session' : 'site';
}
