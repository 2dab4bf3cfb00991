import type { Fingerprint } from './rule';

/**
 * Kong (on OpenResty) adds X-Kong-Upstream-Latency and X-Kong-Proxy-Latency when it relays an answer, and
 * X-Kong-Response-Latency when it answers itself; its error bodies come from kong/error_handlers.lua.
 * https://github.com/Kong/kong/blob/master/kong/constants.lua
 * https://github.com/Kong/kong/blob/master/kong/error_handlers.lua
 */
export const kong: Fingerprint = {
  id: 'kong',
  name: 'Kong',
  role: 'api-gateway',
  layer: 'gateway',
  builtOn: ['nginx', 'openresty'],
  signals: [
    { when: { header: 'server', value: /^kong\/\d/ }, confidence: 'medium' },
    { when: { header: 'via', value: /\bkong\/\d/ }, confidence: 'medium' },
    { when: { header: 'x-kong-request-id', value: /^[0-9a-f]{32}$/ }, confidence: 'high' },
    { when: { header: 'x-kong-upstream-latency', value: /^\d{1,9}$/ }, confidence: 'high' },
    { when: { header: 'x-kong-proxy-latency', value: /^\d{1,9}$/ }, confidence: 'high' },
    {
      when: { header: 'x-kong-response-latency', value: /^\d{1,9}$/ },
      confidence: 'high',
      producedError: true,
    },
    {
      when: {
        text: /An invalid response was received from the upstream server|The upstream server is currently unavailable|The upstream server is timing out|failure to get a peer from the ring-balancer/,
      },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * Apigee raises its own faults as `{"fault":{"faultstring":...,"detail":{"errorcode":"messaging.adaptors.http.flow.*"}}}`.
 * (Apigee's runtime troubleshooting playbooks, e.g. "503 Service Unavailable: TARGET_CONNECT_TIMEOUT").
 */
export const apigee: Fingerprint = {
  id: 'apigee',
  name: 'Apigee',
  role: 'api-gateway',
  layer: 'gateway',
  signals: [
    {
      when: { text: /"errorcode": ?"messaging\.adaptors\.http\.flow\.[A-Za-z]{3,40}"/ },
      confidence: 'high',
      producedError: true,
    },
    {
      when: { text: /^\{ ?"fault": ?\{ ?"faultstring": ?"/ },
      confidence: 'medium',
      producedError: true,
    },
  ],
};

/**
 * Tyk marks the errors it generates with `X-Generator: tyk.io` and a one-field JSON body.
 * https://github.com/TykTechnologies/tyk/blob/master/gateway/handler_error.go
 */
export const tyk: Fingerprint = {
  id: 'tyk',
  name: 'Tyk',
  role: 'api-gateway',
  layer: 'gateway',
  signals: [
    {
      when: { header: 'x-generator', value: /^tyk\.io$/ },
      confidence: 'high',
      producedError: true,
    },
    {
      when: {
        text: /"error": ?"(?:There was a problem proxying the request|Upstream host lookup failed)"/,
      },
      confidence: 'medium',
      producedError: true,
    },
  ],
};
