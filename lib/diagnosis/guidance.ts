import { message, type MessageKey } from '../i18n/messages';
import type { Challenge } from './challenge';
import type { FailureReason, StatusEntry } from './status-catalogue';
import type { GatewayMatch, GuidanceStep } from './types';

/** The visitor's steps; the UI maps each id to an action (a reload, a link, a watch). */
export type VisitorStepId =
  | 'check-before-resubmit'
  | 'wait-retry'
  | 'watch'
  | 'hard-reload'
  | 'clear-site-data'
  | 'other-browser'
  | 'flush-dns'
  | 'other-network'
  | 'down-for-everyone'
  | 'archived-copy'
  | 'report-owner'
  | 'complete-check'
  | 'allow-scripts-cookies'
  | 'vpn-off'
  | 'sign-in-network'
  | 'check-connection'
  | 'check-address'
  | 'check-clock';

interface StepText {
  readonly title: MessageKey;
  readonly why: MessageKey;
  readonly limit?: MessageKey;
}

const VISITOR_STEPS: Readonly<Record<VisitorStepId, StepText>> = {
  'check-before-resubmit': {
    title: 'stepCheckBeforeResubmitTitle',
    why: 'stepCheckBeforeResubmitWhy',
  },
  'wait-retry': {
    title: 'stepWaitRetryTitle',
    why: 'stepWaitRetryWhy',
    limit: 'stepWaitRetryLimit',
  },
  watch: { title: 'stepWatchTitle', why: 'stepWatchWhy', limit: 'stepWatchLimit' },
  'hard-reload': {
    title: 'stepHardReloadTitle',
    why: 'stepHardReloadWhy',
    limit: 'stepHardReloadLimit',
  },
  'clear-site-data': {
    title: 'stepClearSiteDataTitle',
    why: 'stepClearSiteDataWhy',
    limit: 'stepClearSiteDataLimit',
  },
  'other-browser': {
    title: 'stepOtherBrowserTitle',
    why: 'stepOtherBrowserWhy',
    limit: 'stepOtherBrowserLimit',
  },
  'flush-dns': { title: 'stepFlushDnsTitle', why: 'stepFlushDnsWhy', limit: 'stepFlushDnsLimit' },
  'other-network': {
    title: 'stepOtherNetworkTitle',
    why: 'stepOtherNetworkWhy',
    limit: 'stepOtherNetworkLimit',
  },
  'down-for-everyone': {
    title: 'stepDownForEveryoneTitle',
    why: 'stepDownForEveryoneWhy',
    limit: 'stepDownForEveryoneLimit',
  },
  'archived-copy': {
    title: 'stepArchivedCopyTitle',
    why: 'stepArchivedCopyWhy',
    limit: 'stepArchivedCopyLimit',
  },
  'report-owner': {
    title: 'stepReportOwnerTitle',
    why: 'stepReportOwnerWhy',
    limit: 'stepReportOwnerLimit',
  },
  'complete-check': {
    title: 'stepCompleteCheckTitle',
    why: 'stepCompleteCheckWhy',
    limit: 'stepCompleteCheckLimit',
  },
  'allow-scripts-cookies': {
    title: 'stepAllowScriptsCookiesTitle',
    why: 'stepAllowScriptsCookiesWhy',
  },
  'vpn-off': { title: 'stepVpnOffTitle', why: 'stepVpnOffWhy', limit: 'stepVpnOffLimit' },
  'sign-in-network': { title: 'stepSignInNetworkTitle', why: 'stepSignInNetworkWhy' },
  'check-connection': { title: 'stepCheckConnectionTitle', why: 'stepCheckConnectionWhy' },
  'check-address': { title: 'stepCheckAddressTitle', why: 'stepCheckAddressWhy' },
  'check-clock': {
    title: 'stepCheckClockTitle',
    why: 'stepCheckClockWhy',
    limit: 'stepCheckClockLimit',
  },
};

export function isVisitorStepId(id: string): id is VisitorStepId {
  return Object.hasOwn(VISITOR_STEPS, id);
}

export function visitorStep(id: VisitorStepId): GuidanceStep {
  const { title, why, limit } = VISITOR_STEPS[id];
  return { id, title: message(title), why: message(why), limit: limit && message(limit) };
}

const PASSING: readonly VisitorStepId[] = [
  'wait-retry',
  'watch',
  'hard-reload',
  'down-for-everyone',
  'archived-copy',
  'report-owner',
];
const SLOW: readonly VisitorStepId[] = [
  'wait-retry',
  'watch',
  'down-for-everyone',
  'archived-copy',
  'report-owner',
];
/** Set-up errors on the site's side: only the owner can fix them, so waiting comes after finding another way in. */
const SETUP: readonly VisitorStepId[] = [
  'down-for-everyone',
  'archived-copy',
  'report-owner',
  'watch',
];

const VISITOR_PLANS: Readonly<Record<FailureReason, readonly VisitorStepId[]>> = {
  'server-failed': [
    'wait-retry',
    'hard-reload',
    'clear-site-data',
    'other-browser',
    'down-for-everyone',
    'archived-copy',
    'report-owner',
  ],
  'not-supported': ['other-browser', 'report-owner'],
  // An oversized cookie can make a proxy reject the server's answer (Cloudflare's 520 lists headers over 16 KB).
  'bad-response': [
    'wait-retry',
    'watch',
    'hard-reload',
    'clear-site-data',
    'down-for-everyone',
    'archived-copy',
    'report-owner',
  ],
  'unknown-response': [
    'wait-retry',
    'watch',
    'clear-site-data',
    'down-for-everyone',
    'archived-copy',
    'report-owner',
  ],
  overloaded: SLOW,
  timeout: SLOW,
  'insufficient-storage': ['wait-retry', 'archived-copy', 'report-owner'],
  loop: ['clear-site-data', 'other-browser', 'report-owner'],
  bandwidth: SETUP,
  'network-sign-in': ['sign-in-network', 'other-network'],
  refused: PASSING,
  'connect-timeout': SLOW,
  unreachable: SLOW,
  'read-timeout': SLOW,
  'tls-handshake': SETUP,
  'bad-certificate': SETUP,
  railgun: SETUP,
  'origin-dns': SETUP,
  'edge-config': SETUP,
  tunnel: SLOW,
  'edge-code-failed': [
    'wait-retry',
    'clear-site-data',
    'other-browser',
    'archived-copy',
    'report-owner',
  ],
  'edge-code-limit': SLOW,
  'edge-queue-full': SLOW,
  challenge: ['complete-check', 'allow-scripts-cookies', 'vpn-off', 'other-browser'],
  'network-connection-refused': [
    'wait-retry',
    'watch',
    'down-for-everyone',
    'archived-copy',
    'report-owner',
  ],
  'network-connection-reset': ['wait-retry', 'vpn-off', 'other-network', 'down-for-everyone'],
  'network-dns': [
    'check-address',
    'flush-dns',
    'other-network',
    'down-for-everyone',
    'archived-copy',
  ],
  'network-timeout': ['wait-retry', 'watch', 'other-network', 'down-for-everyone'],
  'network-tls': ['check-clock', 'other-network', 'down-for-everyone', 'report-owner'],
  'network-offline': ['check-connection', 'watch'],
  'network-other': ['wait-retry', 'other-network', 'down-for-everyone'],
};

/** A block cannot be passed by the visitor: another network may be trusted, or the owner can let them in. */
const BLOCKED_PLAN: readonly VisitorStepId[] = ['vpn-off', 'other-network', 'report-owner'];

/** Methods that change something on the server: repeating them blindly after a gateway gave up may do it twice. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface VisitorContext {
  readonly entry: StatusEntry;
  readonly challenge: Challenge | null;
  readonly method: string;
  readonly retryAfterSeconds: number | null;
}

export function visitorSteps({
  entry,
  challenge,
  method,
  retryAfterSeconds,
}: VisitorContext): GuidanceStep[] {
  const plan = challenge
    ? challenge.blocked
      ? BLOCKED_PLAN
      : VISITOR_PLANS.challenge
    : VISITOR_PLANS[entry.reason];
  const gatewayGaveUp =
    !challenge && (entry.kind === 'gateway-error' || entry.kind === 'gateway-timeout');
  const ids =
    gatewayGaveUp && UNSAFE_METHODS.has(method.toUpperCase())
      ? ['check-before-resubmit' as const, ...plan]
      : plan;
  return ids.map((id) =>
    id === 'wait-retry' && retryAfterSeconds !== null
      ? { ...visitorStep(id), why: message('stepWaitRetryAfterWhy', retryAfterSeconds) }
      : visitorStep(id),
  );
}

/** Product-specific owner steps: what each vendor's documentation says to look at. */
type OwnerStepId =
  | 'cloudflare-collect'
  | 'cloudflare-520'
  | 'cloudflare-allow-ips'
  | 'cloudflare-origin-ip'
  | 'cloudflare-524'
  | 'cloudflare-525'
  | 'cloudflare-526'
  | 'cloudflare-dns'
  | 'cloudflare-tunnel'
  | 'cloudflare-worker'
  | 'cloudflare-queue'
  | 'nginx-error-log'
  | 'nginx-internal-error'
  | 'nginx-timeouts'
  | 'ingress-endpoints'
  | 'apache-error-log'
  | 'haproxy-log'
  | 'envoy-flags'
  | 'istio-proxy'
  | 'traefik-service'
  | 'caddy-log'
  | 'kong-upstream'
  | 'squid-error'
  | 'varnish-backend'
  | 'fastly-origin'
  | 'akamai-reference'
  | 'alb-target-health'
  | 'alb-idle-timeout'
  | 'cloudfront-origin'
  | 'apigw-integration'
  | 'heroku-logs'
  | 'vercel-error'
  | 'netlify-function'
  | 'render-logs'
  | 'fly-logs'
  | 'gclb-backend'
  | 'gcp-logs'
  | 'front-door-origins'
  | 'app-gateway-health'
  | 'app-service-logs'
  | 'iis-failed-request'
  | 'litespeed-limits'
  | 'github-status'
  | 'shopify-status'
  | 'openshift-route'
  | 'do-app-logs'
  | 'cloud-foundry-logs'
  | 'supabase-function-logs'
  | 'server-logs'
  | 'gateway-logs'
  | 'app-running'
  | 'slow-requests'
  | 'capacity'
  | 'certificate'
  | 'dns-records'
  | 'storage'
  | 'method-support'
  | 'security-rules';

const OWNER_STEPS: Readonly<Record<OwnerStepId, StepText>> = {
  'cloudflare-collect': { title: 'ownerCloudflareCollectTitle', why: 'ownerCloudflareCollectWhy' },
  'cloudflare-520': { title: 'ownerCloudflare520Title', why: 'ownerCloudflare520Why' },
  'cloudflare-allow-ips': {
    title: 'ownerCloudflareAllowIpsTitle',
    why: 'ownerCloudflareAllowIpsWhy',
  },
  'cloudflare-origin-ip': {
    title: 'ownerCloudflareOriginIpTitle',
    why: 'ownerCloudflareOriginIpWhy',
  },
  'cloudflare-524': { title: 'ownerCloudflare524Title', why: 'ownerCloudflare524Why' },
  'cloudflare-525': { title: 'ownerCloudflare525Title', why: 'ownerCloudflare525Why' },
  'cloudflare-526': { title: 'ownerCloudflare526Title', why: 'ownerCloudflare526Why' },
  'cloudflare-dns': { title: 'ownerCloudflareDnsTitle', why: 'ownerCloudflareDnsWhy' },
  'cloudflare-tunnel': { title: 'ownerCloudflareTunnelTitle', why: 'ownerCloudflareTunnelWhy' },
  'cloudflare-worker': { title: 'ownerCloudflareWorkerTitle', why: 'ownerCloudflareWorkerWhy' },
  'cloudflare-queue': { title: 'ownerCloudflareQueueTitle', why: 'ownerCloudflareQueueWhy' },
  'nginx-error-log': { title: 'ownerNginxErrorLogTitle', why: 'ownerNginxErrorLogWhy' },
  'nginx-internal-error': { title: 'ownerNginxErrorLogTitle', why: 'ownerNginxInternalErrorWhy' },
  'nginx-timeouts': { title: 'ownerNginxTimeoutsTitle', why: 'ownerNginxTimeoutsWhy' },
  'ingress-endpoints': { title: 'ownerIngressEndpointsTitle', why: 'ownerIngressEndpointsWhy' },
  'apache-error-log': { title: 'ownerApacheErrorLogTitle', why: 'ownerApacheErrorLogWhy' },
  'haproxy-log': { title: 'ownerHaproxyLogTitle', why: 'ownerHaproxyLogWhy' },
  'envoy-flags': { title: 'ownerEnvoyFlagsTitle', why: 'ownerEnvoyFlagsWhy' },
  'istio-proxy': { title: 'ownerIstioProxyTitle', why: 'ownerIstioProxyWhy' },
  'traefik-service': { title: 'ownerTraefikServiceTitle', why: 'ownerTraefikServiceWhy' },
  'caddy-log': { title: 'ownerCaddyLogTitle', why: 'ownerCaddyLogWhy' },
  'kong-upstream': { title: 'ownerKongUpstreamTitle', why: 'ownerKongUpstreamWhy' },
  'squid-error': { title: 'ownerSquidErrorTitle', why: 'ownerSquidErrorWhy' },
  'varnish-backend': { title: 'ownerVarnishBackendTitle', why: 'ownerVarnishBackendWhy' },
  'fastly-origin': { title: 'ownerFastlyOriginTitle', why: 'ownerFastlyOriginWhy' },
  'akamai-reference': { title: 'ownerAkamaiReferenceTitle', why: 'ownerAkamaiReferenceWhy' },
  'alb-target-health': { title: 'ownerAlbTargetHealthTitle', why: 'ownerAlbTargetHealthWhy' },
  'alb-idle-timeout': { title: 'ownerAlbIdleTimeoutTitle', why: 'ownerAlbIdleTimeoutWhy' },
  'cloudfront-origin': { title: 'ownerCloudfrontOriginTitle', why: 'ownerCloudfrontOriginWhy' },
  'apigw-integration': { title: 'ownerApigwIntegrationTitle', why: 'ownerApigwIntegrationWhy' },
  'heroku-logs': { title: 'ownerHerokuLogsTitle', why: 'ownerHerokuLogsWhy' },
  'vercel-error': { title: 'ownerVercelErrorTitle', why: 'ownerVercelErrorWhy' },
  'netlify-function': { title: 'ownerNetlifyFunctionTitle', why: 'ownerNetlifyFunctionWhy' },
  'render-logs': { title: 'ownerRenderLogsTitle', why: 'ownerRenderLogsWhy' },
  'fly-logs': { title: 'ownerFlyLogsTitle', why: 'ownerFlyLogsWhy' },
  'gclb-backend': { title: 'ownerGclbBackendTitle', why: 'ownerGclbBackendWhy' },
  'gcp-logs': { title: 'ownerGcpLogsTitle', why: 'ownerGcpLogsWhy' },
  'front-door-origins': { title: 'ownerFrontDoorOriginsTitle', why: 'ownerFrontDoorOriginsWhy' },
  'app-gateway-health': { title: 'ownerAppGatewayHealthTitle', why: 'ownerAppGatewayHealthWhy' },
  'app-service-logs': { title: 'ownerAppServiceLogsTitle', why: 'ownerAppServiceLogsWhy' },
  'iis-failed-request': { title: 'ownerIisFailedRequestTitle', why: 'ownerIisFailedRequestWhy' },
  'litespeed-limits': { title: 'ownerLitespeedLimitsTitle', why: 'ownerLitespeedLimitsWhy' },
  'github-status': { title: 'ownerGithubStatusTitle', why: 'ownerGithubStatusWhy' },
  'shopify-status': { title: 'ownerShopifyStatusTitle', why: 'ownerShopifyStatusWhy' },
  'openshift-route': { title: 'ownerOpenshiftRouteTitle', why: 'ownerOpenshiftRouteWhy' },
  'do-app-logs': { title: 'ownerDoAppLogsTitle', why: 'ownerDoAppLogsWhy' },
  'cloud-foundry-logs': { title: 'ownerCloudFoundryLogsTitle', why: 'ownerCloudFoundryLogsWhy' },
  'supabase-function-logs': {
    title: 'ownerSupabaseFunctionLogsTitle',
    why: 'ownerSupabaseFunctionLogsWhy',
  },
  'server-logs': { title: 'ownerServerLogsTitle', why: 'ownerServerLogsWhy' },
  'gateway-logs': { title: 'ownerGatewayLogsTitle', why: 'ownerGatewayLogsWhy' },
  'app-running': { title: 'ownerAppRunningTitle', why: 'ownerAppRunningWhy' },
  'slow-requests': { title: 'ownerSlowRequestsTitle', why: 'ownerSlowRequestsWhy' },
  capacity: { title: 'ownerCapacityTitle', why: 'ownerCapacityWhy' },
  certificate: { title: 'ownerCertificateTitle', why: 'ownerCertificateWhy' },
  'dns-records': { title: 'ownerDnsRecordsTitle', why: 'ownerDnsRecordsWhy' },
  storage: { title: 'ownerStorageTitle', why: 'ownerStorageWhy' },
  'method-support': { title: 'ownerMethodSupportTitle', why: 'ownerMethodSupportWhy' },
  'security-rules': { title: 'ownerSecurityRulesTitle', why: 'ownerSecurityRulesWhy' },
};

const TIMEOUTS = new Set<FailureReason>(['timeout', 'read-timeout', 'connect-timeout']);

/** Cloudflare's per-code checks, from its 5xx and 1xxx troubleshooting pages. */
function cloudflareSteps(reason: FailureReason): OwnerStepId[] {
  const specific: Partial<Record<FailureReason, OwnerStepId[]>> = {
    'unknown-response': ['cloudflare-520'],
    refused: ['cloudflare-allow-ips'],
    'connect-timeout': ['cloudflare-allow-ips', 'cloudflare-origin-ip'],
    unreachable: ['cloudflare-origin-ip'],
    'read-timeout': ['cloudflare-524'],
    'tls-handshake': ['cloudflare-525'],
    'bad-certificate': ['cloudflare-526'],
    'origin-dns': ['cloudflare-dns'],
    'edge-config': ['cloudflare-dns'],
    tunnel: ['cloudflare-tunnel'],
    'edge-code-failed': ['cloudflare-worker'],
    'edge-code-limit': ['cloudflare-worker'],
    'edge-queue-full': ['cloudflare-queue'],
  };
  return [...(specific[reason] ?? []), 'cloudflare-collect'];
}

function nginxSteps(reason: FailureReason): OwnerStepId[] {
  if (TIMEOUTS.has(reason)) return ['nginx-timeouts'];
  return reason === 'server-failed' ? ['nginx-internal-error'] : ['nginx-error-log'];
}

function albSteps(reason: FailureReason): OwnerStepId[] {
  return TIMEOUTS.has(reason) ? ['alb-idle-timeout', 'alb-target-health'] : ['alb-target-health'];
}

/** By gateway id (brief A's ids): the product's own steps for the reason it failed. */
const PRODUCT_STEPS: ReadonlyMap<string, (reason: FailureReason) => OwnerStepId[]> = new Map(
  Object.entries({
    cloudflare: cloudflareSteps,
    'cloudflare-workers': cloudflareSteps,
    nginx: nginxSteps,
    openresty: nginxSteps,
    tengine: nginxSteps,
    'ingress-nginx': (reason) =>
      reason === 'overloaded' ? ['ingress-endpoints', 'nginx-error-log'] : nginxSteps(reason),
    apache: () => ['apache-error-log'],
    haproxy: () => ['haproxy-log'],
    envoy: () => ['envoy-flags'],
    istio: () => ['istio-proxy', 'envoy-flags'],
    traefik: () => ['traefik-service'],
    caddy: () => ['caddy-log'],
    kong: () => ['kong-upstream'],
    squid: () => ['squid-error'],
    varnish: () => ['varnish-backend'],
    fastly: () => ['fastly-origin'],
    akamai: () => ['akamai-reference'],
    'aws-elb': albSteps,
    'aws-cloudfront': () => ['cloudfront-origin'],
    'aws-api-gateway': () => ['apigw-integration'],
    heroku: () => ['heroku-logs'],
    vercel: () => ['vercel-error'],
    netlify: () => ['netlify-function'],
    render: () => ['render-logs'],
    'fly-io': () => ['fly-logs'],
    'google-cloud-load-balancing': () => ['gclb-backend'],
    'google-frontend': () => ['gcp-logs'],
    'google-cloud-functions': () => ['gcp-logs'],
    'google-app-engine': () => ['gcp-logs'],
    'google-cloud-run': () => ['gcp-logs'],
    'azure-front-door': () => ['front-door-origins'],
    'azure-application-gateway': () => ['app-gateway-health'],
    'azure-app-service': () => ['app-service-logs'],
    'microsoft-iis': () => ['iis-failed-request'],
    litespeed: () => ['litespeed-limits'],
    github: () => ['github-status'],
    // Shopify runs the servers behind a store: its own error is not the merchant's to fix.
    shopify: () => ['shopify-status'],
    'openshift-router': () => ['openshift-route'],
    'digitalocean-app-platform': () => ['do-app-logs'],
    'cloud-foundry': () => ['cloud-foundry-logs'],
    supabase: () => ['supabase-function-logs'],
  } satisfies Record<string, (reason: FailureReason) => OwnerStepId[]>),
);

/**
 * What any owner should check for a reason, whatever runs their site. A gateway that answered in the server's place
 * could not get through to it, so its own log and the server's liveness come first.
 */
function genericSteps(reason: FailureReason, atGateway: boolean): OwnerStepId[] {
  if (TIMEOUTS.has(reason)) return ['slow-requests', 'gateway-logs'];
  switch (reason) {
    case 'overloaded':
    case 'edge-queue-full':
    case 'bandwidth':
      return atGateway ? ['app-running', 'capacity', 'gateway-logs'] : ['capacity', 'server-logs'];
    case 'tls-handshake':
    case 'bad-certificate':
    case 'network-tls':
      return ['certificate'];
    case 'origin-dns':
    case 'edge-config':
    case 'network-dns':
      return ['dns-records'];
    case 'insufficient-storage':
      return ['storage'];
    case 'not-supported':
      return ['method-support'];
    case 'challenge':
      return ['security-rules'];
    // Only the visitor's own network is at fault: nothing for the owner to do.
    case 'network-offline':
    case 'network-sign-in':
      return [];
    case 'server-failed':
      return atGateway ? ['gateway-logs', 'server-logs'] : ['server-logs'];
    case 'loop':
    case 'edge-code-failed':
    case 'edge-code-limit':
      return ['server-logs'];
    default:
      return ['app-running', 'gateway-logs', 'server-logs'];
  }
}

export interface OwnerContext {
  readonly entry: StatusEntry;
  readonly failedGateway: GatewayMatch | undefined;
  readonly challenge: Challenge | null;
}

/** The failed product's own steps first, then the generic ones, without repeats. */
export function ownerSteps({ entry, failedGateway, challenge }: OwnerContext): GuidanceStep[] {
  const reason = challenge ? 'challenge' : entry.reason;
  const product = failedGateway && !challenge ? PRODUCT_STEPS.get(failedGateway.id) : undefined;
  const atGateway = failedGateway !== undefined;
  const ids = new Set<OwnerStepId>([
    ...(product?.(reason) ?? []),
    ...genericSteps(reason, atGateway),
  ]);
  return [...ids].map((id) => {
    const { title, why } = OWNER_STEPS[id];
    return { id, title: message(title), why: message(why) };
  });
}
