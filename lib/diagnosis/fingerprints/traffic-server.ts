import type { Fingerprint } from './rule';

/**
 * Apache Traffic Server answers from its body factory templates (title, then "Description: ...") and sends no
 * Server header unless configured to; its Via names it.
 * https://github.com/apache/trafficserver/tree/master/configs/body_factory/default
 */
export const apacheTrafficServer: Fingerprint = {
  id: 'apache-traffic-server',
  name: 'Apache Traffic Server',
  role: 'reverse-proxy',
  layer: 'proxy',
  signals: [
    { when: { header: 'server', value: /^ATS\/\d/ }, confidence: 'medium' },
    { when: { header: 'via', value: /\bApacheTrafficServer\b/ }, confidence: 'high' },
    {
      when: {
        text: /^Could Not Connect Description: Could not connect to the requested server host\./,
      },
      confidence: 'high',
      producedError: true,
    },
  ],
};
