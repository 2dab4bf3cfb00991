import type { Fingerprint } from './rule';

/**
 * HAProxy's built-in error messages, sent with no Server or Date header.
 * https://github.com/haproxy/haproxy/blob/master/src/http.c (http_err_msgs)
 */
export const haproxy: Fingerprint = {
  id: 'haproxy',
  name: 'HAProxy',
  role: 'load-balancer',
  layer: 'balancer',
  signals: [
    {
      when: {
        text: /^50[234] [A-Za-z -]{5,30} (?:The server returned an invalid or incomplete response\.|No server is available to handle this request\.|The server didn't respond in time\.)$/,
      },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * The OpenShift router is HAProxy with its own error page for routes without a ready pod.
 * https://github.com/openshift/router/blob/master/images/router/haproxy/conf/error-page-503.http
 */
export const openshiftRouter: Fingerprint = {
  id: 'openshift-router',
  name: 'OpenShift Router',
  role: 'load-balancer',
  layer: 'gateway',
  builtOn: ['haproxy'],
  signals: [
    {
      when: {
        text: /Application is not available The application is currently not serving requests at this endpoint\./,
      },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * Traefik sends no Server header. Its balancer's "no available server" is its own words; on a proxy error it writes
 * just the status text, which other Go servers could also do, hence low.
 * https://github.com/traefik/traefik/blob/master/pkg/server/service/loadbalancer/wrr/wrr.go
 * https://github.com/traefik/traefik/blob/master/pkg/proxy/httputil/proxy.go
 */
export const traefik: Fingerprint = {
  id: 'traefik',
  name: 'Traefik',
  role: 'reverse-proxy',
  layer: 'balancer',
  signals: [
    { when: { text: /^no available server$/ }, confidence: 'high', producedError: true },
    {
      when: [
        { text: /^(?:Bad Gateway|Gateway Timeout)$/ },
        { header: 'content-type', value: /^text\/plain; charset=utf-8$/ },
      ],
      confidence: 'low',
      producedError: true,
    },
  ],
};
