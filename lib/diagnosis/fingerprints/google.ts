import type { Fingerprint } from './rule';

/**
 * Google's front end (GFE) answers for Google's own services and for the apps Google hosts. Its pages are shared by
 * every product behind it, so a page names GFE; only a few details name the platform. Google's own services get the
 * "That’s an error" robot page with no Server header; hosted apps get `Server: Google Frontend`.
 */
const frontEndPage =
  /^Error: Server Error The server encountered an? (?:temporary )?error and could not complete your request\./;
const notAvailableYet = /The service you requested is not available yet\./;

export const googleFrontEnd: Fingerprint = {
  id: 'google-frontend',
  name: 'Google Front End',
  role: 'reverse-proxy',
  layer: 'provider-edge',
  signals: [
    { when: { header: 'server', value: /^Google Frontend$/ }, confidence: 'medium' },
    {
      when: { title: /^Error 5\d\d \(Server Error\)!!1$/ },
      confidence: 'high',
      producedError: true,
    },
    { when: { text: /\b5\d\d\. That[’']s an error\./ }, confidence: 'high', producedError: true },
    { when: { text: notAvailableYet }, confidence: 'high', producedError: true },
    { when: { text: frontEndPage }, confidence: 'medium', producedError: true },
  ],
};

/**
 * The external Application Load Balancer runs on GFE and adds `Via: 1.1 google` to what it relays; its own errors
 * use the GFE page.
 * https://cloud.google.com/load-balancing/docs/https#target-proxies
 */
export const googleCloudLoadBalancing: Fingerprint = {
  id: 'google-cloud-load-balancing',
  name: 'Google Cloud Load Balancing',
  role: 'load-balancer',
  layer: 'provider-edge',
  builtOn: ['google-frontend'],
  signals: [
    { when: { header: 'via', value: /^1\.1 google$/ }, confidence: 'medium' },
    {
      when: [{ header: 'via', value: /^1\.1 google$/ }, { text: frontEndPage }],
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * App Engine's own 500 page asks the visitor to report the problem, a sentence Cloud Run's pages do not carry.
 * Captured: github.com/madelynnblue/goread issue #25 (Server: Google Frontend, "If the problem persists, ...").
 */
export const googleAppEngine: Fingerprint = {
  id: 'google-app-engine',
  name: 'Google App Engine',
  role: 'paas',
  layer: 'platform',
  signals: [
    {
      when: [
        { header: 'server', value: /^Google Frontend$/ },
        {
          text: /If the problem persists, please report your problem and mention this error message and the query that caused it\./,
        },
      ],
      confidence: 'medium',
      producedError: true,
    },
  ],
};

/**
 * Cloud Functions' front end answers a crashed function with a one-line plain-text error.
 * Captured: *.cloudfunctions.net, Server: Google Frontend, body "Error: could not handle the request".
 */
export const googleCloudFunctions: Fingerprint = {
  id: 'google-cloud-functions',
  name: 'Google Cloud Functions',
  role: 'paas',
  layer: 'platform',
  signals: [
    {
      when: [
        { header: 'server', value: /^Google Frontend$/ },
        { text: /^Error: could not handle the request$/ },
      ],
      confidence: 'medium',
      producedError: true,
    },
  ],
};

/**
 * "Not available yet" is what Cloud Run answers while no instance of the service is ready. App Engine has been seen
 * sending it too, and only the host name (*.run.app, *.appspot.com) tells them apart, hence low.
 * https://cloud.google.com/run/docs/troubleshooting
 */
export const googleCloudRun: Fingerprint = {
  id: 'google-cloud-run',
  name: 'Google Cloud Run',
  role: 'paas',
  layer: 'platform',
  signals: [
    {
      when: [{ header: 'server', value: /^Google Frontend$/ }, { text: notAvailableYet }],
      confidence: 'low',
      producedError: true,
    },
  ],
};
