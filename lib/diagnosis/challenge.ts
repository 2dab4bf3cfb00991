import type { Headers } from './headers';
import type { PageMarkers } from './types';

/**
 * A bot check or security block answered in the site's place. It is never an outage: the site may be fine, the
 * security service in front of it wants proof the visitor is a person (a check) or has refused this request (a block).
 */
export interface Challenge {
  /** The security product's brand name. Not translated. */
  readonly vendor: string;
  /** True when the page refuses outright; false when the visitor can pass a check. */
  readonly blocked: boolean;
}

/** The statuses bot checks answer with: 403 and 503 (Cloudflare, Akamai...), 429 (Vercel), 202/405 (AWS WAF). */
const CHALLENGE_STATUSES = new Set([202, 403, 405, 429, 503]);

/** Page text is read this far: every marker below sits in a page's first lines. */
const TEXT_LIMIT = 2000;

interface PageRule {
  readonly vendor: string;
  readonly blocked: boolean;
  /** All must appear in the title or the start of the visible text (lower case). */
  readonly markers: readonly string[];
  /** A header that must be present too, where the markers alone are easy to imitate. */
  readonly alsoHeader?: string;
}

/**
 * Markers from the vendors' own pages. Cloudflare: "Just a moment..." is the managed challenge, "Attention Required!"
 * the older captcha and the block page ("Sorry, you have been blocked"). Sucuri and Imperva name themselves on their
 * block pages; Akamai's refusal page says "Access Denied" with a "Reference #".
 */
const PAGE_RULES: readonly PageRule[] = [
  {
    vendor: 'Cloudflare',
    blocked: true,
    markers: ['sorry, you have been blocked'],
    alsoHeader: 'cf-ray',
  },
  { vendor: 'Cloudflare', blocked: false, markers: ['just a moment...'], alsoHeader: 'cf-ray' },
  {
    vendor: 'Cloudflare',
    blocked: false,
    markers: ['attention required! | cloudflare'],
    alsoHeader: 'cf-ray',
  },
  { vendor: 'Cloudflare', blocked: false, markers: ['verify you are human'], alsoHeader: 'cf-ray' },
  { vendor: 'Vercel', blocked: false, markers: ['vercel security checkpoint'] },
  { vendor: 'Sucuri', blocked: true, markers: ['sucuri website firewall - access denied'] },
  { vendor: 'Imperva', blocked: true, markers: ['incapsula incident id'] },
  // Apache's own 403 also says "You don't have permission to access"; Akamai's adds its reference.
  {
    vendor: 'Akamai',
    blocked: true,
    markers: ["you don't have permission to access", 'reference #'],
  },
];

/**
 * The bot check or block this response is, or null. Header signals the vendors document come first, as they do not
 * depend on a page template; page markers only count on a status bot checks use.
 */
export function detectChallenge(
  statusCode: number,
  headers: Headers,
  page?: PageMarkers,
): Challenge | null {
  return (
    fromHeaders(headers) ?? (CHALLENGE_STATUSES.has(statusCode) ? fromPage(headers, page) : null)
  );
}

function fromHeaders(headers: Headers): Challenge | null {
  // https://developers.cloudflare.com/cloudflare-challenges/challenge-types/challenge-pages/detect-response/
  if (headers.get('cf-mitigated')?.toLowerCase() === 'challenge') {
    return { vendor: 'Cloudflare', blocked: false };
  }
  // AWS WAF answers a CAPTCHA with 405 and a silent challenge with 202, both carrying this header:
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-wafv2-webacl-ruleaction.html
  const awsAction = headers.get('x-amzn-waf-action')?.toLowerCase();
  if (awsAction === 'captcha' || awsAction === 'challenge')
    return { vendor: 'AWS WAF', blocked: false };
  // Vercel's firewall: `challenge` for its Security Checkpoint, `deny` for a block.
  const vercel = headers.get('x-vercel-mitigated')?.toLowerCase();
  if (vercel === 'challenge' || vercel === 'deny')
    return { vendor: 'Vercel', blocked: vercel === 'deny' };
  // DataDome sets X-DD-B only on the responses it intercepted: https://docs.datadome.co/reference/validate-request
  if (headers.has('x-dd-b')) return { vendor: 'DataDome', blocked: false };
  if (headers.has('x-sucuri-block')) return { vendor: 'Sucuri', blocked: true };
  return null;
}

function fromPage(headers: Headers, page: PageMarkers | undefined): Challenge | null {
  if (!page) return null;
  const title = typeof page.title === 'string' ? page.title.slice(0, TEXT_LIMIT).toLowerCase() : '';
  const text = typeof page.text === 'string' ? page.text.slice(0, TEXT_LIMIT).toLowerCase() : '';
  const rule = PAGE_RULES.find(
    ({ markers, alsoHeader }) =>
      markers.every((marker) => title.includes(marker) || text.includes(marker)) &&
      (alsoHeader === undefined || headers.has(alsoHeader)),
  );
  return rule ? { vendor: rule.vendor, blocked: rule.blocked } : null;
}
