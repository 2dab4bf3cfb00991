import { message, type Message, type MessageKey } from '../i18n/messages';
import type { Challenge } from './challenge';
import type { FailureReason, StatusEntry } from './status-catalogue';
import type { GatewayMatch, Hop } from './types';

export interface HopDiagnosis {
  /** visitor -> each gateway, outermost first -> the site's own server. */
  readonly hops: readonly Hop[];
  /**
   * The hop where it went wrong. A gateway's index means its link to the next hop failed; the origin's index (the
   * last) means the site's own server failed to answer properly; null when nothing failed (a bot check).
   */
  readonly failedHop: number | null;
  /** The gateway that failed, when one was named. */
  readonly failedGateway: GatewayMatch | undefined;
  /** One sentence without a final full stop: the toolbar shows `<code> <name>: <explanation>`. */
  readonly explanation: Message;
}

/** How each reason is told: by the gateway that failed (named or not), or by the site's server itself. */
interface Wording {
  readonly named?: MessageKey;
  readonly unnamed?: MessageKey;
  readonly origin?: MessageKey;
}

const WORDING: Readonly<Record<FailureReason, Wording>> = {
  'server-failed': {
    named: 'hopExplainGatewayFailedNamed',
    unnamed: 'hopExplainGatewayFailedUnnamed',
    origin: 'hopExplainOriginFailed',
  },
  'not-supported': {
    named: 'hopExplainNotSupportedNamed',
    unnamed: 'hopExplainNotSupportedUnnamed',
    origin: 'hopExplainOriginNotSupported',
  },
  'bad-response': {
    named: 'hopExplainBadResponseNamed',
    unnamed: 'hopExplainBadResponseUnnamed',
    origin: 'hopExplainOriginBadResponse',
  },
  'unknown-response': {
    named: 'hopExplainUnknownResponseNamed',
    unnamed: 'hopExplainUnknownResponseUnnamed',
    origin: 'hopExplainOriginBadResponse',
  },
  overloaded: {
    named: 'hopExplainNoServerNamed',
    unnamed: 'hopExplainNoServerUnnamed',
    origin: 'hopExplainOriginOverloaded',
  },
  timeout: {
    named: 'hopExplainTimeoutNamed',
    unnamed: 'hopExplainTimeoutUnnamed',
    origin: 'hopExplainOriginSlow',
  },
  'insufficient-storage': { origin: 'hopExplainOriginStorage' },
  loop: { origin: 'hopExplainOriginLoop' },
  bandwidth: { origin: 'hopExplainOriginBandwidth' },
  'network-sign-in': { unnamed: 'hopExplainCaptivePortal' },
  refused: { named: 'hopExplainRefusedNamed', unnamed: 'hopExplainRefusedUnnamed' },
  'connect-timeout': {
    named: 'hopExplainConnectTimeoutNamed',
    unnamed: 'hopExplainConnectTimeoutUnnamed',
  },
  unreachable: { named: 'hopExplainUnreachableNamed', unnamed: 'hopExplainUnreachableUnnamed' },
  'read-timeout': {
    named: 'hopExplainReadTimeoutNamed',
    unnamed: 'hopExplainReadTimeoutUnnamed',
    origin: 'hopExplainOriginSlow',
  },
  'tls-handshake': {
    named: 'hopExplainTlsHandshakeNamed',
    unnamed: 'hopExplainTlsHandshakeUnnamed',
  },
  'bad-certificate': {
    named: 'hopExplainBadCertificateNamed',
    unnamed: 'hopExplainBadCertificateUnnamed',
  },
  railgun: { named: 'hopExplainRailgunNamed', unnamed: 'hopExplainRailgunUnnamed' },
  'origin-dns': { named: 'hopExplainOriginDnsNamed', unnamed: 'hopExplainOriginDnsUnnamed' },
  'edge-config': { named: 'hopExplainEdgeConfigNamed', unnamed: 'hopExplainEdgeConfigUnnamed' },
  tunnel: { named: 'hopExplainTunnelNamed', unnamed: 'hopExplainTunnelUnnamed' },
  'edge-code-failed': {
    named: 'hopExplainEdgeCodeFailedNamed',
    unnamed: 'hopExplainEdgeCodeFailedUnnamed',
  },
  'edge-code-limit': {
    named: 'hopExplainEdgeCodeLimitNamed',
    unnamed: 'hopExplainEdgeCodeLimitUnnamed',
  },
  'edge-queue-full': { named: 'hopExplainEdgeQueueNamed', unnamed: 'hopExplainEdgeQueueUnnamed' },
  challenge: { named: 'hopExplainChallengeNamed' },
  'network-connection-refused': { origin: 'hopExplainNetworkRefused' },
  'network-connection-reset': { origin: 'hopExplainNetworkReset' },
  'network-dns': { origin: 'hopExplainNetworkDns' },
  'network-timeout': { origin: 'hopExplainNetworkTimeout' },
  'network-tls': { origin: 'hopExplainNetworkTls' },
  'network-offline': { origin: 'hopExplainNetworkOffline' },
  'network-other': { origin: 'hopExplainNetworkOther' },
};

/** Kinds whose status proves a gateway answered for a server it could not get a good answer from. */
const GATEWAY_KINDS = new Set<StatusEntry['kind']>(['gateway-error', 'gateway-timeout']);

/**
 * The hop chain and which hop failed. The gateway that produced the error page is the one that failed. Without one,
 * a gateway status (502, 504, 52x) is pinned on the gateway closest to the site's server, or on an unidentified
 * gateway when none was named; any other status is the site's own server's.
 */
export function diagnoseHops(
  chain: readonly GatewayMatch[],
  entry: StatusEntry,
  challenge: Challenge | null,
): HopDiagnosis {
  const outermostFirst: Hop[] = [...chain]
    .reverse()
    .map((gateway) => ({ kind: 'gateway', gateway }));
  if (challenge) {
    const hops: Hop[] = [{ kind: 'visitor' }, ...outermostFirst, { kind: 'origin' }];
    return {
      hops,
      failedHop: null,
      failedGateway: undefined,
      explanation: challengeExplanation(challenge),
    };
  }
  if (entry.kind === 'network') {
    const hops: Hop[] = [{ kind: 'visitor' }, ...outermostFirst, { kind: 'origin' }];
    return {
      hops,
      failedHop: 0,
      failedGateway: undefined,
      explanation: explain(entry.reason, 'origin'),
    };
  }
  if (entry.kind === 'network-auth') {
    // The captive portal sits on the visitor's network, in front of every site: it is the hop that stopped the request.
    const hops: Hop[] = [{ kind: 'visitor' }, { kind: 'unidentified-gateway' }, { kind: 'origin' }];
    return {
      hops,
      failedHop: 1,
      failedGateway: undefined,
      explanation: explain(entry.reason, 'unnamed'),
    };
  }

  // Reasons only a gateway can have (a refused connection, an edge Worker) are a gateway's failure whatever the kind.
  const gatewayFailure =
    GATEWAY_KINDS.has(entry.kind) || WORDING[entry.reason].origin === undefined;
  const producer =
    chain.find((gateway) => gateway.producedError) ?? (gatewayFailure ? chain[0] : undefined);
  if (producer) {
    const hops: Hop[] = [{ kind: 'visitor' }, ...outermostFirst, { kind: 'origin' }];
    const failedHop = hops.findIndex((hop) => hop.kind === 'gateway' && hop.gateway === producer);
    const explanation = explain(entry.reason, 'named', producer.name);
    return { hops, failedHop, failedGateway: producer, explanation };
  }
  if (gatewayFailure) {
    // Nothing was named, yet the status proves a gateway answered: show it without guessing a product.
    const hops: Hop[] = [{ kind: 'visitor' }, { kind: 'unidentified-gateway' }, { kind: 'origin' }];
    return {
      hops,
      failedHop: 1,
      failedGateway: undefined,
      explanation: explain(entry.reason, 'unnamed'),
    };
  }
  const hops: Hop[] = [{ kind: 'visitor' }, ...outermostFirst, { kind: 'origin' }];
  const explanation = explain(entry.reason, 'origin');
  return { hops, failedHop: hops.length - 1, failedGateway: undefined, explanation };
}

function explain(
  reason: FailureReason,
  teller: 'named' | 'unnamed' | 'origin',
  gateway?: string,
): Message {
  const wording = WORDING[reason];
  if (teller === 'named' && wording.named && gateway !== undefined)
    return message(wording.named, gateway);
  const key =
    (teller === 'origin' ? wording.origin : wording.unnamed) ?? wording.unnamed ?? wording.origin;
  return message(key ?? 'hopExplainOriginFailed');
}

function challengeExplanation(challenge: Challenge): Message {
  return challenge.blocked
    ? message('hopExplainBlockedNamed', challenge.vendor)
    : message('hopExplainChallengeNamed', challenge.vendor);
}
