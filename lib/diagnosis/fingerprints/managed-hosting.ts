import type { Fingerprint } from './rule';

/**
 * WP Engine names itself in X-Powered-By and reports its back end in wpe-backend.
 * https://wpengine.com/support/cache-control-headers-wp-engine/
 */
export const wpEngine: Fingerprint = {
  id: 'wp-engine',
  name: 'WP Engine',
  role: 'paas',
  layer: 'platform',
  signals: [
    { when: { header: 'x-powered-by', value: /^WP Engine$/ }, confidence: 'medium' },
    { when: { header: 'wpe-backend' }, confidence: 'high' },
  ],
};

/**
 * Pantheon's router (Styx) names itself on every response; Pantheon's own CLI reads X-Pantheon-Styx-Hostname.
 * https://github.com/pantheon-systems/terminus/blob/3.x/src/Models/Environment.php
 */
export const pantheon: Fingerprint = {
  id: 'pantheon',
  name: 'Pantheon',
  role: 'paas',
  layer: 'platform',
  signals: [
    { when: { header: 'x-pantheon-styx-hostname' }, confidence: 'high' },
    { when: { header: 'x-styx-req-id' }, confidence: 'high' },
  ],
};

/**
 * Kinsta reports its server page cache in X-Kinsta-Cache (HIT, MISS, BYPASS); its edge is Cloudflare's.
 * https://kinsta.com/docs/edge-caching/
 */
export const kinsta: Fingerprint = {
  id: 'kinsta',
  name: 'Kinsta',
  role: 'paas',
  layer: 'platform',
  signals: [{ when: { header: 'x-kinsta-cache', value: /^[A-Z]{3,12}$/ }, confidence: 'high' }],
};

/**
 * Shopify storefronts carry the shop's id (X-ShopId, X-Sorting-Hat-ShopId) and the serving stage; Cloudflare fronts
 * them, so its headers come too. When Shopify's own edge turns a request away (its ingress load shedder answers 503
 * with Retry-After) it says "There was a problem loading this website": in a JSON errors array to API clients, above
 * "Try refreshing the page." on the page browsers get.
 * Captured: tests/fixtures/gateways/shopify-503-service-unavailable-json.json
 */
export const shopify: Fingerprint = {
  id: 'shopify',
  name: 'Shopify',
  role: 'paas',
  layer: 'platform',
  signals: [
    { when: { header: 'x-shopid', value: /^\d{1,20}$/ }, confidence: 'high' },
    { when: { header: 'x-sorting-hat-shopid', value: /^\d{1,20}$/ }, confidence: 'high' },
    { when: { header: 'x-shopify-stage' }, confidence: 'high' },
    { when: { header: 'powered-by', value: /^Shopify$/ }, confidence: 'medium' },
    {
      when: {
        text: /"message": ?"There was a problem loading this website\. Please try again\.", ?"extensions": ?\{"code": ?"[A-Z_]{3,40}"\}/,
      },
      confidence: 'high',
      producedError: true,
    },
    {
      when: { text: /There was a problem loading this website ?Try refreshing the page\./ },
      confidence: 'medium',
      producedError: true,
    },
  ],
};

/**
 * Upsun (formerly Platform.sh) adds X-Platform-Cluster, -Processor and -Router to every response.
 * https://docs.upsun.com/development/headers.html
 */
export const upsun: Fingerprint = {
  id: 'upsun',
  name: 'Upsun',
  role: 'paas',
  layer: 'platform',
  signals: [
    { when: { header: 'x-platform-cluster' }, confidence: 'high' },
    { when: { header: 'x-platform-router' }, confidence: 'high' },
    { when: { header: 'x-platform-processor' }, confidence: 'high' },
  ],
};
