import type { Fingerprint } from './rule';

/**
 * Bunny CDN answers with `Server: BunnyCDN-<PoP>-<server>` and a CDN-RequestId per request. When it cannot reach the
 * origin it sends its own page: "We could not establish a connection to <host>" over the You / bunny.net Edge
 * Network / destination cards (tests/fixtures/gateways/bunny-cdn-502-origin-unreachable.json).
 * https://docs.bunny.net/cdn/troubleshooting/run-traceroute
 * https://bunny.net/docs/cdn/request-headers-to-origin
 */
export const bunnyCdn: Fingerprint = {
  id: 'bunny-cdn',
  name: 'Bunny CDN',
  role: 'cdn',
  layer: 'edge',
  signals: [
    {
      when: { header: 'server', value: /^BunnyCDN-[A-Z0-9]{2,8}-\d{1,8}$/i },
      confidence: 'medium',
    },
    { when: { header: 'cdn-requestid', value: /^[0-9a-f]{32}$/i }, confidence: 'high' },
    { when: { header: 'cdn-pullzone', value: /^\d{1,12}$/ }, confidence: 'high' },
    {
      when: [
        { text: /We could not establish a connection to \S/ },
        { text: /bunny\.net ?Edge Network\b/ },
      ],
      confidence: 'high',
      producedError: true,
    },
  ],
};

/** KeyCDN's edge software names itself: `Server: keycdn-engine`. */
export const keyCdn: Fingerprint = {
  id: 'keycdn',
  name: 'KeyCDN',
  role: 'cdn',
  layer: 'edge',
  signals: [{ when: { header: 'server', value: /^keycdn-engine$/i }, confidence: 'medium' }],
};

/**
 * CDN77 edges send `Server: CDN77-Turbo` and their own X-77-* headers (captured: X-77-NZT, X-77-NZT-Ray,
 * X-77-Cache, X-77-POP).
 */
export const cdn77: Fingerprint = {
  id: 'cdn77',
  name: 'CDN77',
  role: 'cdn',
  layer: 'edge',
  signals: [
    { when: { header: 'server', value: /^CDN77-Turbo$/i }, confidence: 'medium' },
    { when: { header: 'x-77-nzt' }, confidence: 'high' },
    { when: { header: 'x-77-nzt-ray' }, confidence: 'high' },
    { when: { header: 'x-77-cache' }, confidence: 'high' },
    { when: { header: 'x-77-pop' }, confidence: 'high' },
  ],
};

/**
 * Alibaba Cloud CDN runs Tengine and tags requests with EagleId and its Swift cache timestamps. On a 5xx its
 * X-Swift-Error says whose it is: "orig response 5xx error" when the origin answered with it and the CDN only passed
 * it on, "forward retry timeout" when the CDN itself gave up fetching from the origin.
 * https://github.com/zhousulong/cdn-server-info-userscript/blob/main/cdn_rules.json
 * https://www.alibabacloud.com/help/doc-detail/180855.htm
 */
export const alibabaCloudCdn: Fingerprint = {
  id: 'alibaba-cloud-cdn',
  name: 'Alibaba Cloud CDN',
  role: 'cdn',
  layer: 'edge',
  builtOn: ['tengine', 'nginx'],
  signals: [
    { when: { header: 'eagleid', value: /^[0-9a-f]{20,40}$/i }, confidence: 'high' },
    { when: { header: 'x-swift-savetime' }, confidence: 'high' },
    { when: { header: 'x-swift-cachetime' }, confidence: 'high' },
    { when: { header: 'ali-swift-global-savetime' }, confidence: 'high' },
    { when: { header: 'x-swift-error' }, confidence: 'high' },
    {
      when: { header: 'x-swift-error', value: /^forward [a-z ]{3,40}$/ },
      confidence: 'high',
      producedError: true,
    },
  ],
};
