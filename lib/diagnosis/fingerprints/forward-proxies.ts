import type { Fingerprint } from './rule';

/**
 * Squid names the error in X-Squid-Error and signs its pages "Generated <date> by <host> (squid/<version>)".
 * https://github.com/squid-cache/squid/blob/master/src/errorpage.cc
 */
export const squid: Fingerprint = {
  id: 'squid',
  name: 'Squid',
  role: 'forward-proxy',
  layer: 'visitor-network',
  signals: [
    { when: { header: 'server', value: /^squid(?:\/\d[\d.]{0,12})?$/i }, confidence: 'medium' },
    { when: { header: 'via', value: /\(squid(?:\/\d[\d.]{0,12})?\)/i }, confidence: 'high' },
    {
      when: { header: 'x-squid-error', value: /^ERR_[A-Z_]{2,40}(?: -?\d{1,6})?$/ },
      confidence: 'high',
      producedError: true,
    },
    {
      when: { title: /^ERROR: The requested URL could not be retrieved$/ },
      confidence: 'high',
      producedError: true,
    },
    {
      when: { text: /Generated [^()]{1,80} by [\w.-]{1,253} \(squid(?:\/\d[\d.]{0,12})?\)/ },
      confidence: 'high',
      producedError: true,
    },
  ],
};
