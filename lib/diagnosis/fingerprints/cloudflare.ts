import type { Fingerprint } from './rule';

/**
 * Cloudflare stamps every proxied response (cf-ray, `Server: cloudflare`), the origin's errors included. Only its own
 * pages, its plain-text `error code: NNNN` body for non-browser clients, and the 52x/530 codes it defined say that
 * Cloudflare itself made the error.
 * https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/
 */
export const cloudflare: Fingerprint = {
  id: 'cloudflare',
  name: 'Cloudflare',
  role: 'cdn',
  layer: 'edge',
  signals: [
    { when: { header: 'cf-ray', value: /^[0-9a-f]{16}(?:-[A-Z]{3,4})?$/i }, confidence: 'high' },
    { when: { header: 'cf-cache-status', value: /^[A-Z-]{3,20}$/i }, confidence: 'high' },
    { when: { header: 'cf-mitigated', value: /^challenge$/i }, confidence: 'high' },
    { when: { header: 'server', value: /^cloudflare$/i }, confidence: 'medium' },
    {
      when: { text: /Performance (?:&|and) security by Cloudflare/ },
      confidence: 'high',
      producedError: true,
    },
    { when: { text: /Cloudflare Ray ID: ?[0-9a-f]{16}/ }, confidence: 'high', producedError: true },
    { when: { text: /^error code: \d{3,4}$/ }, confidence: 'medium', producedError: true },
    { when: { status: [520, 527] }, confidence: 'low', producedError: true },
    { when: { status: [530, 530] }, confidence: 'low', producedError: true },
  ],
};

/**
 * A Worker that throws or runs out of resources makes Cloudflare answer with error 1101 or 1102: the site's code
 * running at Cloudflare's edge failed, not an origin server.
 * https://developers.cloudflare.com/workers/observability/errors/
 */
export const cloudflareWorkers: Fingerprint = {
  id: 'cloudflare-workers',
  name: 'Cloudflare Workers',
  role: 'paas',
  layer: 'platform',
  signals: [
    {
      when: [{ text: /^error code: 110[12]$/ }, { header: 'cf-ray' }],
      confidence: 'high',
      producedError: true,
    },
    {
      when: [{ text: /Worker (?:threw exception|exceeded resource limits)/ }, { header: 'cf-ray' }],
      confidence: 'high',
      producedError: true,
    },
  ],
};
