/**
 * Every product the engine can name, in one list. Order breaks ties between products on the same layer, so a
 * product that is usually nearer the site's server comes first.
 */
import { akamai } from './akamai';
import { apigee, kong, tyk } from './api-gateways';
import { awsApiGateway, awsCloudFront, awsElb } from './aws';
import { cloudFoundry, supabase } from './backend-platforms';
import { azureAppService, azureApplicationGateway, azureFrontDoor } from './azure';
import { alibabaCloudCdn, bunnyCdn, cdn77, keyCdn } from './cdns';
import { cloudflare, cloudflareWorkers } from './cloudflare';
import { fastly, varnish } from './fastly';
import { squid } from './forward-proxies';
import { github, netlify, vercel } from './frontend-hosts';
import {
  googleAppEngine,
  googleCloudFunctions,
  googleCloudLoadBalancing,
  googleCloudRun,
  googleFrontEnd,
} from './google';
import { haproxy, openshiftRouter, traefik } from './load-balancers';
import { kinsta, pantheon, shopify, upsun, wpEngine } from './managed-hosting';
import { ingressNginx, nginx, openresty, tengine } from './nginx-family';
import { digitalOceanAppPlatform, flyIo, heroku, railway, render } from './paas';
import { ddosGuard, imperva, sucuri } from './security-edges';
import { envoy, istio } from './service-mesh';
import type { Fingerprint } from './rule';
import { apacheTrafficServer } from './traffic-server';
import { apache, caddy, litespeed, microsoftIis } from './web-servers';

export { LAYERS, type Condition, type Fingerprint, type Layer, type Signal } from './rule';

export const fingerprints: readonly Fingerprint[] = [
  // origin
  litespeed,
  microsoftIis,
  // proxy
  apache,
  nginx,
  openresty,
  tengine,
  caddy,
  envoy,
  varnish,
  apacheTrafficServer,
  // gateway
  awsApiGateway,
  kong,
  apigee,
  tyk,
  ingressNginx,
  istio,
  openshiftRouter,
  // balancer
  awsElb,
  azureApplicationGateway,
  haproxy,
  traefik,
  // platform
  heroku,
  render,
  railway,
  flyIo,
  digitalOceanAppPlatform,
  vercel,
  netlify,
  github,
  azureAppService,
  googleAppEngine,
  googleCloudRun,
  googleCloudFunctions,
  cloudflareWorkers,
  cloudFoundry,
  supabase,
  wpEngine,
  pantheon,
  kinsta,
  shopify,
  upsun,
  // provider-edge
  googleCloudLoadBalancing,
  googleFrontEnd,
  // edge
  sucuri,
  imperva,
  ddosGuard,
  cloudflare,
  awsCloudFront,
  akamai,
  fastly,
  azureFrontDoor,
  bunnyCdn,
  keyCdn,
  cdn77,
  alibabaCloudCdn,
  // visitor-network
  squid,
];
