import type { Fingerprint } from './rule';

/**
 * Envoy's router writes these bodies itself when the upstream fails, and x-envoy-upstream-service-time only when the
 * upstream did answer.
 * https://github.com/envoyproxy/envoy/blob/main/source/common/router/router.cc
 */
export const envoy: Fingerprint = {
  id: 'envoy',
  name: 'Envoy',
  role: 'reverse-proxy',
  layer: 'proxy',
  signals: [
    { when: { header: 'server', value: /^envoy$/ }, confidence: 'medium' },
    { when: { header: 'x-envoy-upstream-service-time', value: /^\d{1,9}$/ }, confidence: 'high' },
    { when: { header: 'x-envoy-overloaded' }, confidence: 'high', producedError: true },
    {
      when: { text: /^upstream connect error or disconnect\/reset before headers\./ },
      confidence: 'high',
      producedError: true,
    },
    {
      when: { text: /^(?:upstream request timeout|no healthy upstream)$/ },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * Istio's proxies are Envoy with the server name `istio-envoy`; sidecars also exchange peer metadata
 * (x-envoy-peer-metadata-id) in response headers.
 */
export const istio: Fingerprint = {
  id: 'istio',
  name: 'Istio',
  role: 'reverse-proxy',
  layer: 'gateway',
  builtOn: ['envoy'],
  signals: [
    { when: { header: 'server', value: /^istio-envoy$/ }, confidence: 'medium' },
    {
      when: { header: 'x-envoy-peer-metadata-id', value: /^(?:sidecar|router)~/ },
      confidence: 'high',
    },
  ],
};
