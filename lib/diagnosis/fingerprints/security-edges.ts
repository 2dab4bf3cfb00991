import type { Fingerprint } from './rule';

/**
 * Sucuri's firewall (CloudProxy) tags responses with X-Sucuri-ID/-Cache and brands its pages.
 * https://github.com/EnableSecurity/wafw00f/blob/master/wafw00f/plugins/sucuri.py
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
    { when: { header: 'server', value: /^Sucuri\/Cloudproxy$/i }, confidence: 'medium' },
    { when: { text: /Sucuri Website Firewall/i }, confidence: 'high', producedError: true },
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
 * DDoS-Guard names itself in Server and sets __ddg* cookies.
 * https://github.com/EnableSecurity/wafw00f/blob/master/wafw00f/plugins/ddosguard.py
 */
export const ddosGuard: Fingerprint = {
  id: 'ddos-guard',
  name: 'DDoS-Guard',
  role: 'waf',
  layer: 'edge',
  signals: [
    { when: { header: 'server', value: /^ddos-guard$/i }, confidence: 'medium' },
    { when: { header: 'set-cookie', value: /^__ddg(?:1|2|id|mark)/ }, confidence: 'high' },
  ],
};
