import type { Fingerprint } from './rule';

/**
 * Heroku's router: `Via: 1.1 vegur` (legacy router) or `1.1 heroku-router` with `Server: Heroku` (Router 2.0), and
 * Network Error Logging pointed at nel.heroku.com. Its "Application Error" page is an iframe, so only the title shows.
 * https://devcenter.heroku.com/articles/http-routing
 * https://devcenter.heroku.com/articles/error-codes
 */
const herokuRouter = /\b1\.1 (?:vegur|heroku-router)\b/;

export const heroku: Fingerprint = {
  id: 'heroku',
  name: 'Heroku',
  role: 'paas',
  layer: 'platform',
  signals: [
    { when: { header: 'via', value: herokuRouter }, confidence: 'high' },
    { when: { header: 'server', value: /^Heroku$/ }, confidence: 'medium' },
    { when: { header: 'server', value: /^Cowboy$/ }, confidence: 'low' },
    { when: { header: 'reporting-endpoints', value: /\bheroku-nel=/ }, confidence: 'high' },
    { when: { header: 'report-to', value: /"heroku-nel"/ }, confidence: 'high' },
    { when: { header: 'nel', value: /"heroku-nel"/ }, confidence: 'high' },
    {
      when: [{ title: /^Application Error$/ }, { header: 'via', value: herokuRouter }],
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * Render's edge names the request (rndr-id), the app server when the app answered (x-render-origin-server), and
 * its own routing outcome when it answered instead (x-render-routing: no-server, hibernate-wake-error, ...).
 * Captured: `x-render-routing: hibernate-wake-error` on an empty 503 behind Cloudflare.
 */
export const render: Fingerprint = {
  id: 'render',
  name: 'Render',
  role: 'paas',
  layer: 'platform',
  signals: [
    { when: { header: 'rndr-id', value: /^[0-9a-f-]{8,64}$/ }, confidence: 'high' },
    { when: { header: 'x-render-origin-server' }, confidence: 'high' },
    {
      when: { header: 'x-render-routing', value: /^[a-z-]{2,40}$/ },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * Railway's edge tags requests (X-Railway-Request-Id, X-Railway-Edge) and, when the app does not answer, replies
 * itself with x-railway-fallback and `{"status":"error","code":502,"message":"Application failed to respond",...}`
 * (tests/fixtures/gateways/railway-502-application-failed-to-respond.json).
 */
export const railway: Fingerprint = {
  id: 'railway',
  name: 'Railway',
  role: 'paas',
  layer: 'platform',
  signals: [
    { when: { header: 'x-railway-request-id' }, confidence: 'high' },
    { when: { header: 'x-railway-edge' }, confidence: 'high' },
    { when: { header: 'server', value: /^railway[\w-]{0,20}$/ }, confidence: 'medium' },
    {
      when: { header: 'x-railway-fallback', value: /^true$/ },
      confidence: 'high',
      producedError: true,
    },
    // The words alone are not Railway's: guides for other platforms (Render's among them) quote the same error.
    {
      when: { text: /^\{"status":"error","code":5\d\d,"message":"Application failed to respond"/ },
      confidence: 'medium',
      producedError: true,
    },
  ],
};

/**
 * Fly's proxy: fly-request-id (`<ulid>-<region>`) on every response, `Via: 2 fly.io` or `1.1 fly.io`,
 * `Server: Fly/<build> (<date>)`, as captured from *.fly.dev apps.
 */
export const flyIo: Fingerprint = {
  id: 'fly-io',
  name: 'Fly.io',
  role: 'paas',
  layer: 'platform',
  signals: [
    { when: { header: 'fly-request-id', value: /^[\w-]{10,80}$/ }, confidence: 'high' },
    { when: { header: 'via', value: /\bfly\.io\b/ }, confidence: 'high' },
    { when: { header: 'server', value: /^Fly\/[0-9a-f]{6,12}\b/ }, confidence: 'medium' },
    // LiteFS, Fly's replicated-SQLite proxy in front of the app, answers this way while the app is not listening.
    // https://github.com/superfly/litefs/blob/main/http/proxy_server.go
    {
      when: [{ header: 'fly-request-id' }, { text: /^Proxy error: / }],
      confidence: 'medium',
      producedError: true,
    },
  ],
};

/**
 * App Platform runs behind Cloudflare and adds the app's id and the status its component returned.
 * Captured: `x-do-app-origin: <uuid>`, `x-do-orig-status: 429` beside cf-ray and `server: cloudflare`, and
 * `x-do-failure-code: UH`, `x-do-failure-msg: no_healthy_upstream` on the edge's own 504.
 */
export const digitalOceanAppPlatform: Fingerprint = {
  id: 'digitalocean-app-platform',
  name: 'DigitalOcean App Platform',
  role: 'paas',
  layer: 'platform',
  signals: [
    { when: { header: 'x-do-app-origin', value: /^[0-9a-f-]{32,36}$/ }, confidence: 'high' },
    { when: { header: 'x-do-orig-status', value: /^\d{3}$/ }, confidence: 'high' },
    // The edge's own verdict, Envoy-style (UH, no_healthy_upstream), when it answered instead of the app.
    {
      when: { header: 'x-do-failure-code', value: /^[A-Z]{2,4}$/ },
      confidence: 'high',
      producedError: true,
    },
    { when: { header: 'x-do-failure-msg' }, confidence: 'high', producedError: true },
  ],
};
