import type { Fingerprint } from './rule';

/**
 * Apache's canned error texts and its `<address>` signature (ServerSignature On, the Debian/Ubuntu default).
 * https://github.com/apache/httpd/blob/trunk/modules/http/http_protocol.c (get_canned_error_string)
 * https://github.com/apache/httpd/blob/trunk/modules/proxy/proxy_util.c (the "Proxy Error" status line)
 */
export const apache: Fingerprint = {
  id: 'apache',
  name: 'Apache HTTP Server',
  role: 'reverse-proxy',
  layer: 'proxy',
  signals: [
    {
      when: { header: 'server', value: /^Apache(?:\/\d[\d.]{0,10})?(?: |$)/ },
      confidence: 'medium',
    },
    { when: { title: /^50\d Proxy Error$/ }, confidence: 'high', producedError: true },
    {
      when: {
        text: /^Proxy Error The proxy server received an invalid response from an upstream server\./,
      },
      confidence: 'high',
      producedError: true,
    },
    {
      when: {
        text: /^Service Unavailable The server is temporarily unable to service your request due to maintenance downtime or capacity problems\./,
      },
      confidence: 'high',
      producedError: true,
    },
    {
      when: {
        text: /^Gateway Timeout The gateway did not receive a timely response from the upstream server or application\./,
      },
      confidence: 'high',
      producedError: true,
    },
    {
      when: {
        text: /Apache(?:\/\d[\d.]{0,10})?(?: \([^)]{1,40}\))? Server at \S{1,253} Port \d{1,5}/,
      },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * LiteSpeed's error pages carry its "Proudly powered by LiteSpeed Web Server" disclaimer; X-LiteSpeed-Cache comes
 * from its page cache.
 */
export const litespeed: Fingerprint = {
  id: 'litespeed',
  name: 'LiteSpeed',
  role: 'origin-server',
  layer: 'origin',
  signals: [
    { when: { header: 'server', value: /^(?:Open)?LiteSpeed$/i }, confidence: 'medium' },
    { when: { header: 'x-litespeed-cache' }, confidence: 'high' },
    {
      when: { text: /Proudly powered by LiteSpeed Web Server/ },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * IIS names itself in Server; HTTP.sys (`Microsoft-HTTPAPI/2.0`) answers alone when no application pool can take
 * the request ("HTTP Error 503. The service is unavailable."); ARR, IIS's proxy, has its own 502 wording.
 */
export const microsoftIis: Fingerprint = {
  id: 'microsoft-iis',
  name: 'Microsoft IIS',
  role: 'origin-server',
  layer: 'origin',
  signals: [
    { when: { header: 'server', value: /^Microsoft-IIS\/\d{1,2}\.\d$/ }, confidence: 'medium' },
    {
      when: { header: 'server', value: /^Microsoft-HTTPAPI\/2\.0$/ },
      confidence: 'medium',
      producedError: true,
    },
    {
      when: { text: /HTTP Error 503\. The service is unavailable\./ },
      confidence: 'high',
      producedError: true,
    },
    {
      when: { title: /^IIS \d{1,2}\.\d Detailed Error - 5\d\d/ },
      confidence: 'high',
      producedError: true,
    },
    {
      when: {
        text: /\b50\d - Web server received an invalid response while acting as a gateway or proxy server\./,
      },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * Caddy's reverse_proxy logs why it failed and, without a handle_errors route, sends only the status: an empty body
 * under `Server: Caddy` is Caddy's own answer.
 * https://github.com/caddyserver/caddy/blob/master/modules/caddyhttp/server.go
 */
export const caddy: Fingerprint = {
  id: 'caddy',
  name: 'Caddy',
  role: 'reverse-proxy',
  layer: 'proxy',
  signals: [
    { when: { header: 'server', value: /^Caddy$/ }, confidence: 'medium' },
    {
      when: [{ header: 'server', value: /^Caddy$/ }, { emptyBody: true }],
      confidence: 'medium',
      producedError: true,
    },
  ],
};
