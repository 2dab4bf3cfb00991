import { errorPageSignedBy, type Fingerprint } from './rule';

/**
 * nginx signs its built-in error pages with `<hr><center>nginx/1.x</center>` (just `nginx` with server_tokens off);
 * the forks sign them with their own name.
 * https://github.com/nginx/nginx/blob/master/src/http/ngx_http_special_response.c
 */
export const nginx: Fingerprint = {
  id: 'nginx',
  name: 'nginx',
  role: 'reverse-proxy',
  layer: 'proxy',
  signals: [
    {
      when: { header: 'server', value: /^nginx(?:\/\d[\d.]{0,12})?(?: \([^)]{1,40}\))?$/ },
      confidence: 'medium',
    },
    {
      when: { text: errorPageSignedBy('nginx(?:/\\d[\\d.]{0,12})?') },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/** OpenResty only renames nginx: https://github.com/openresty/openresty/blob/master/patches */
export const openresty: Fingerprint = {
  id: 'openresty',
  name: 'OpenResty',
  role: 'reverse-proxy',
  layer: 'proxy',
  builtOn: ['nginx'],
  signals: [
    { when: { header: 'server', value: /^openresty(?:\/\d[\d.]{0,16})?$/i }, confidence: 'medium' },
    {
      when: { text: errorPageSignedBy('openresty(?:/\\d[\\d.]{0,16})?') },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/** Tengine signs with "Powered by Tengine": https://github.com/alibaba/tengine/blob/master/src/http/ngx_http_special_response.c */
export const tengine: Fingerprint = {
  id: 'tengine',
  name: 'Tengine',
  role: 'reverse-proxy',
  layer: 'proxy',
  builtOn: ['nginx'],
  signals: [
    { when: { header: 'server', value: /^Tengine(?:\/\d[\d.]{0,12})?$/i }, confidence: 'medium' },
    { when: { text: /Powered by Tengine/ }, confidence: 'high', producedError: true },
  ],
};

/**
 * ingress-nginx serves nginx's own pages. Two markers set it apart from a plain nginx: its session-affinity cookie
 * (INGRESSCOOKIE unless renamed), and, on hosts with TLS, the HSTS header its ConfigMap turns on by default with its
 * own max-age of 15724800 s. It sets that header with headers-more, which unlike add_header also reaches 4xx and 5xx
 * pages: a captured 504 carried it (tests/fixtures/gateways/ingress-nginx-504-connect-timeout.json).
 * https://kubernetes.github.io/ingress-nginx/examples/affinity/cookie/
 * https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/configmap/#hsts
 * https://github.com/openresty/headers-more-nginx-module#more_set_headers
 */
export const ingressNginx: Fingerprint = {
  id: 'ingress-nginx',
  name: 'Kubernetes ingress-nginx',
  role: 'load-balancer',
  layer: 'gateway',
  builtOn: ['nginx', 'openresty'],
  signals: [
    { when: { header: 'set-cookie', value: /^INGRESSCOOKIE=/ }, confidence: 'medium' },
    {
      when: {
        header: 'strict-transport-security',
        value: /^max-age=15724800(?:; includeSubDomains)?(?:; preload)?;?$/,
      },
      confidence: 'medium',
    },
  ],
};
