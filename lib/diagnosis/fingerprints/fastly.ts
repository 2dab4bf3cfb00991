import type { Fingerprint } from './rule';

/**
 * Varnish's built-in error page ("Guru Meditation", "Varnish cache server") and X-Varnish transaction ids.
 * https://github.com/varnishcache/varnish-cache/blob/master/bin/varnishd/builtin.vcl
 */
export const varnish: Fingerprint = {
  id: 'varnish',
  name: 'Varnish',
  role: 'reverse-proxy',
  layer: 'proxy',
  signals: [
    { when: { header: 'x-varnish', value: /^\d{1,12}(?: \d{1,12})?$/ }, confidence: 'high' },
    { when: { header: 'via', value: /\bvarnish\b/i }, confidence: 'medium' },
    { when: { header: 'server', value: /^Varnish$/i }, confidence: 'medium' },
    { when: { text: /Guru Meditation: XID: \d{1,12}/ }, confidence: 'high', producedError: true },
    { when: { text: /Varnish cache server/ }, confidence: 'high', producedError: true },
  ],
};

/**
 * Fastly runs a Varnish derivative: its responses carry Varnish's marks plus X-Served-By (cache-<pop><node>-<POP>)
 * and X-Timer, and its own 503 pages end with "Details: cache-<node> <time> <xid>".
 * https://www.fastly.com/documentation/reference/http/http-headers/X-Served-By/
 */
export const fastly: Fingerprint = {
  id: 'fastly',
  name: 'Fastly',
  role: 'cdn',
  layer: 'edge',
  builtOn: ['varnish'],
  signals: [
    {
      when: { header: 'x-served-by', value: /^cache-[a-z0-9-]{3,30}-[A-Z]{3}\b/ },
      confidence: 'high',
    },
    { when: { header: 'x-timer', value: /^S\d{9,11}\.\d{1,9},VS\d/ }, confidence: 'high' },
    { when: { header: 'fastly-debug-digest' }, confidence: 'high' },
    // A name many Fastly customers set in VCL rather than one Fastly sends by default.
    { when: { header: 'x-fastly-request-id', value: /^[0-9a-f]{40}$/ }, confidence: 'medium' },
    {
      when: { text: /Details: cache-[a-z0-9-]{3,30}-[A-Z]{3} \d{9,11} \d{1,12}/ },
      confidence: 'high',
      producedError: true,
    },
    { when: { text: /Guru Mediation:/ }, confidence: 'high', producedError: true },
  ],
};
