import type { Fingerprint } from './rule';

/**
 * Sucuri's firewall (CloudProxy) tags responses with X-Sucuri-ID (a numeric edge id) and X-Sucuri-Cache, and names
 * itself in Server: `Sucuri/Cloudproxy` in captured responses, `Sucuri/Website Firewall` in Sucuri's own example.
 * Its block page is titled "Sucuri WebSite Firewall - ..." and reads "Access Denied - Sucuri Website Firewall"; a page
 * that only says it is protected by the firewall is the site's own.
 * https://github.com/EnableSecurity/wafw00f/blob/master/wafw00f/plugins/sucuri.py
 * https://docs.sucuri.net/website-firewall/troubleshooting/investigating-cache-headers/
 */
export const sucuri: Fingerprint = {
  id: 'sucuri',
  name: 'Sucuri',
  role: 'waf',
  layer: 'edge',
  signals: [
    { when: { header: 'x-sucuri-id', value: /^\d{1,12}$/ }, confidence: 'high' },
    { when: { header: 'x-sucuri-cache' }, confidence: 'high' },
    { when: { header: 'x-sucuri-block' }, confidence: 'high' },
    {
      when: { header: 'server', value: /^Sucuri\/(?:Cloudproxy|Website Firewall)$/i },
      confidence: 'medium',
    },
    { when: { title: /^Sucuri WebSite Firewall - /i }, confidence: 'high', producedError: true },
    {
      when: { text: /Access Denied - Sucuri Website Firewall/i },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * Imperva (formerly Incapsula) adds X-Iinfo and X-CDN, sets visid_incap_/incap_ses_ cookies, and its own pages
 * quote an "Incapsula incident ID".
 * https://github.com/EnableSecurity/wafw00f/blob/master/wafw00f/plugins/incapsula.py
 */
export const imperva: Fingerprint = {
  id: 'imperva',
  name: 'Imperva',
  role: 'waf',
  layer: 'edge',
  signals: [
    { when: { header: 'x-iinfo', value: /^\d{1,3}-\d{1,12}-\d{1,12} / }, confidence: 'high' },
    { when: { header: 'x-cdn', value: /^(?:Incapsula|Imperva)$/i }, confidence: 'high' },
    { when: { header: 'set-cookie', value: /^(?:visid_incap|incap_ses)_\d/ }, confidence: 'high' },
    { when: { text: /Incapsula incident ID/ }, confidence: 'high', producedError: true },
  ],
};

/**
 * DDoS-Guard names itself in Server and sets its __ddg<n>_ cookies: __ddg1_, __ddg2_, __ddgid_ and __ddgmark_ for
 * its checks (wafw00f), __ddg8_, __ddg9_ and __ddg10_ on responses it passes through (captured).
 * https://github.com/EnableSecurity/wafw00f/blob/master/wafw00f/plugins/ddosguard.py
 */
export const ddosGuard: Fingerprint = {
  id: 'ddos-guard',
  name: 'DDoS-Guard',
  role: 'waf',
  layer: 'edge',
  signals: [
    { when: { header: 'server', value: /^ddos-guard$/i }, confidence: 'medium' },
    { when: { header: 'set-cookie', value: /^__ddg(?:\d{1,2}|id|mark)_=/ }, confidence: 'high' },
  ],
};
