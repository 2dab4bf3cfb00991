import type { Fingerprint } from './rule';

/**
 * Vercel: x-vercel-id (`<regions>::<id>`) on every response; x-vercel-error and a body naming the error code and
 * the id when Vercel itself failed.
 * https://vercel.com/docs/headers/response-headers
 * https://vercel.com/docs/errors
 */
export const vercel: Fingerprint = {
  id: 'vercel',
  name: 'Vercel',
  role: 'paas',
  layer: 'platform',
  signals: [
    {
      when: {
        header: 'x-vercel-id',
        value: /^(?:[a-z]{3}\d::){1,4}[a-z0-9]{5}-\d{13}-[0-9a-f]{12}$/,
      },
      confidence: 'high',
    },
    { when: { header: 'x-vercel-cache', value: /^[A-Z]{3,12}$/ }, confidence: 'high' },
    { when: { header: 'server', value: /^Vercel$/ }, confidence: 'medium' },
    {
      when: { header: 'x-vercel-error', value: /^[A-Z][A-Z_]{2,60}$/ },
      confidence: 'high',
      producedError: true,
    },
    {
      when: {
        text: /^(?:An error occurred with your deployment|A server error has occurred) [A-Z][A-Z_]{2,60} /,
      },
      confidence: 'medium',
      producedError: true,
    },
    {
      when: { text: /\bCode: [A-Z][A-Z_]{2,60} ID: [a-z]{3}\d::/ },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * Netlify: x-nf-request-id on every response; an empty error from its edge, or its "This function has crashed"
 * page, when a function could not answer.
 * Captured: an empty 502 with Server: Netlify and X-Nf-Request-Id (Netlify Answers, failing function invocations).
 */
export const netlify: Fingerprint = {
  id: 'netlify',
  name: 'Netlify',
  role: 'paas',
  layer: 'platform',
  signals: [
    { when: { header: 'x-nf-request-id', value: /^[0-9A-Z]{20,32}$/ }, confidence: 'high' },
    { when: { header: 'server', value: /^Netlify$/ }, confidence: 'medium' },
    {
      when: [{ header: 'server', value: /^Netlify$/ }, { emptyBody: true }],
      confidence: 'medium',
      producedError: true,
    },
    { when: { text: /This function has crashed/ }, confidence: 'high', producedError: true },
  ],
};

const githubRequestId = /^[0-9A-F:]{8,80}$/i;

/**
 * GitHub (Pages and github.com) sends X-GitHub-Request-Id with every response, and `Server: GitHub.com`. GitHub runs
 * every hop behind those headers (Pages serves only static files), so a 5xx that carries them is GitHub's own answer,
 * such as api.github.com's 502 `{"message": "Server Error"}` captured in octokit/request.js issue #589.
 */
export const github: Fingerprint = {
  id: 'github',
  name: 'GitHub',
  role: 'paas',
  layer: 'platform',
  signals: [
    { when: { header: 'x-github-request-id', value: githubRequestId }, confidence: 'high' },
    { when: { header: 'server', value: /^GitHub\.com$/ }, confidence: 'medium' },
    {
      when: [{ header: 'x-github-request-id', value: githubRequestId }, { status: [500, 599] }],
      confidence: 'high',
      producedError: true,
    },
  ],
};
