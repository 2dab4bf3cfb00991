import type { Fingerprint } from './rule';

const referenceNumber = String.raw`\d{1,3}\.[0-9a-f]{6,10}\.\d{9,11}\.[0-9a-f]{4,10}`;

/**
 * Akamai's edge (GHost) ends its error pages with "Reference #<n>.<hex>.<unix time>.<hex>", the same format as its
 * Global Request Number header.
 * https://techdocs.akamai.com/property-mgr/docs/global-req-number
 */
export const akamai: Fingerprint = {
  id: 'akamai',
  name: 'Akamai',
  role: 'cdn',
  layer: 'edge',
  signals: [
    { when: { header: 'server', value: /^Akamai(?:GHost|NetStorage)$/ }, confidence: 'medium' },
    {
      when: { header: 'akamai-grn', value: new RegExp(`^${referenceNumber}$`) },
      confidence: 'high',
    },
    { when: { header: 'akamai-cache-status' }, confidence: 'high' },
    { when: { header: 'x-akamai-transformed' }, confidence: 'high' },
    { when: { header: 'x-akamai-request-id' }, confidence: 'high' },
    {
      when: { header: 'x-cache', value: /\.deploy\.akamaitechnologies\.com\b/ },
      confidence: 'high',
    },
    {
      when: { text: new RegExp(`Reference ?#${referenceNumber}`) },
      confidence: 'high',
      producedError: true,
    },
  ],
};
