import { errorPageSignedBy, type Fingerprint } from './rule';

/**
 * Front Door (and Azure CDN from Microsoft, the same network) tags each request with X-Azure-Ref or, on the classic
 * tier, X-MSEdge-Ref, and reports its cache state in X-Cache.
 * https://learn.microsoft.com/azure/frontdoor/front-door-http-headers-protocol
 * https://learn.microsoft.com/azure/cdn/cdn-msft-http-debug-headers
 */
export const azureFrontDoor: Fingerprint = {
  id: 'azure-front-door',
  name: 'Azure Front Door',
  role: 'cdn',
  layer: 'edge',
  signals: [
    { when: { header: 'x-azure-ref', value: /^[\w+/=-]{20,200}$/ }, confidence: 'high' },
    { when: { header: 'x-msedge-ref', value: /^Ref A: / }, confidence: 'high' },
    {
      when: {
        header: 'x-cache',
        value: /^(?:TCP_HIT|TCP_REMOTE_HIT|TCP_MISS|PRIVATE_NOSTORE|CONFIG_NOCACHE|UNCACHEABLE)$/,
      },
      confidence: 'medium',
    },
    {
      when: { text: /Our services aren[’']t available right now/ },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * Application Gateway v2 relays the backend's Server header and signs only its own pages, nginx-style.
 * https://learn.microsoft.com/azure/application-gateway/application-gateway-troubleshooting-502
 */
export const azureApplicationGateway: Fingerprint = {
  id: 'azure-application-gateway',
  name: 'Azure Application Gateway',
  role: 'load-balancer',
  layer: 'balancer',
  signals: [
    {
      when: { header: 'server', value: /^Microsoft-Azure-Application-Gateway\/v\d$/ },
      confidence: 'medium',
      producedError: true,
    },
    {
      when: { text: errorPageSignedBy('Microsoft-Azure-Application-Gateway/v\\d') },
      confidence: 'high',
      producedError: true,
    },
  ],
};

/**
 * App Service's front ends are IIS with Application Request Routing: the ARRAffinity cookies, the Linux
 * ":( Application Error" page, and the request-timeout page sent after about 230 seconds without an answer.
 * https://learn.microsoft.com/azure/app-service/troubleshoot-http-502-http-503
 */
export const azureAppService: Fingerprint = {
  id: 'azure-app-service',
  name: 'Azure App Service',
  role: 'paas',
  layer: 'platform',
  builtOn: ['microsoft-iis'],
  signals: [
    {
      when: { text: /:\( Application Error/ },
      confidence: 'high',
      producedError: true,
    },
    {
      when: {
        text: /^500 - The request timed out\. The web server failed to respond within the specified time\./,
      },
      confidence: 'medium',
      producedError: true,
    },
    { when: { header: 'set-cookie', value: /^ARRAffinitySameSite=/ }, confidence: 'medium' },
    { when: { header: 'set-cookie', value: /^ARRAffinity=/ }, confidence: 'low' },
  ],
};
