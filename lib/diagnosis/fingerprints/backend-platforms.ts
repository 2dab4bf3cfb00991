import type { Fingerprint } from './rule';

/**
 * Cloud Foundry's gorouter (SAP BTP, IBM Cloud, Tanzu) names its own failures in X-Cf-Routererror and writes them as
 * "<status>: <reason>".
 * https://github.com/cloudfoundry/gorouter/blob/main/handler/request_handler.go
 */
export const cloudFoundry: Fingerprint = {
  id: 'cloud-foundry',
  name: 'Cloud Foundry',
  role: 'load-balancer',
  layer: 'platform',
  signals: [
    {
      when: { header: 'x-cf-routererror', value: /^[a-z_]{3,40}$/ },
      confidence: 'high',
      producedError: true,
    },
    {
      when: { text: /^50\d [A-Za-z ]{3,30}: Registered endpoint failed to handle the request\.$/ },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * Supabase's API gateway (behind Cloudflare) tags responses with sb-* headers; its edge runtime answers a function
 * that could not start with `{"code":"BOOT_ERROR",...}`.
 * (Supabase's troubleshooting entry "Edge Function 503 error response".)
 */
export const supabase: Fingerprint = {
  id: 'supabase',
  name: 'Supabase',
  role: 'paas',
  layer: 'platform',
  signals: [
    { when: { header: 'sb-request-id' }, confidence: 'high' },
    { when: { header: 'sb-project-ref', value: /^[a-z]{20}$/ }, confidence: 'high' },
    { when: { header: 'sb-gateway-version' }, confidence: 'high' },
    { when: { header: 'x-served-by', value: /^supabase-edge-runtime$/ }, confidence: 'high' },
    {
      when: { text: /^\{ ?"code": ?"BOOT_ERROR", ?"message": ?"/ },
      confidence: 'medium',
      producedError: true,
    },
  ],
};
