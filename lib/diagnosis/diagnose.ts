import { parseRetryAfter } from '../retry/retry-after';
import { detectChallenge } from './challenge';
import { identifyGateways } from './gateways';
import { diagnoseHops } from './hops';
import { ownerSteps, visitorSteps } from './guidance';
import { indexHeaders, type Headers } from './headers';
import { networkFailureOf } from './network-errors';
import { requestIds } from './request-ids';
import {
  challengeEntry,
  NETWORK_CATALOGUE,
  statusEntry,
  type StatusEntry,
} from './status-catalogue';
import type { Diagnosis, GatewayMatch, Observation, PageMarkers, RequestId } from './types';

export interface DiagnosisDeps {
  readonly identify: (
    headers: Headers,
    page?: PageMarkers,
    statusCode?: number,
    statusLine?: string,
  ) => GatewayMatch[];
  readonly ids: (headers: Headers, page?: PageMarkers) => RequestId[];
}

/** Page text beyond this is not read: every marker the engine looks for sits near the top. */
export const MAX_PAGE_TITLE = 512;
export const MAX_PAGE_TEXT = 4096;
/** A status line is `HTTP/1.1 502 Bad Gateway`; a reason phrase longer than this is not one a product wrote. */
const MAX_STATUS_LINE = 256;
/** No real response passes through more layers than this. */
const MAX_CHAIN = 16;

/**
 * One structured diagnosis of what the browser saw. Total: whatever the observation holds (a bad status line, absurd
 * headers, huge text, a throwing identifier), it returns a complete Diagnosis.
 */
const productionDeps: DiagnosisDeps = { identify: identifyGateways, ids: requestIds };

export function diagnose(
  observation: Observation,
  deps: DiagnosisDeps = productionDeps,
): Diagnosis {
  const headers = indexHeaders(Array.isArray(observation.headers) ? observation.headers : []);
  const page = boundedPage(observation.page);
  const statusCode = statusOf(observation);
  const method = typeof observation.method === 'string' ? observation.method : '';

  const networkFailure =
    statusCode === 0 ? (networkFailureOf(observation.networkError) ?? 'other') : undefined;
  const chain = networkFailure
    ? []
    : safeChain(() => deps.identify(headers, page, statusCode, statusLineOf(observation)));
  const challenge = networkFailure ? null : detectChallenge(statusCode, headers, page);
  const vendorCode = networkFailure || challenge ? undefined : cloudflareCode(headers, chain, page);
  const entry: StatusEntry = networkFailure
    ? NETWORK_CATALOGUE[networkFailure]
    : challenge
      ? challengeEntry(statusCode)
      : statusEntry(statusCode, vendorCode);

  const { hops, failedHop, failedGateway, explanation } = diagnoseHops(chain, entry, challenge);
  const retryAfter = networkFailure
    ? null
    : parseRetryAfter(headers.get('retry-after'), observation.time);
  return {
    statusCode,
    kind: entry.kind,
    title: entry.title,
    meaning: entry.meaning,
    chain,
    hops,
    failedHop,
    explanation,
    side: entry.side,
    typicalDuration: entry.typicalDuration,
    visitorSteps: visitorSteps({
      entry,
      challenge,
      method,
      retryAfterSeconds: retryAfter?.seconds ?? null,
    }),
    ownerSteps: ownerSteps({ entry, failedGateway, challenge }),
    requestIds: networkFailure ? [] : safeIds(() => deps.ids(headers, page)),
    retryAfter,
    vendorCode,
  };
}

const STATUS_LINE = /^HTTP\/[\d.]+\s+(\d{3})\b/i;

/** The status as a three-digit code; the status line when the number is missing; 0 for no HTTP answer. */
function statusOf({ statusCode, statusLine, networkError }: Observation): number {
  if (typeof networkError === 'string' && networkError !== '') return 0;
  if (Number.isInteger(statusCode) && statusCode >= 100 && statusCode <= 999) return statusCode;
  const fromLine =
    typeof statusLine === 'string'
      ? STATUS_LINE.exec(statusLine.slice(0, MAX_STATUS_LINE))?.[1]
      : undefined;
  return fromLine === undefined ? 0 : Number(fromLine);
}

function statusLineOf({ statusLine }: Observation): string | undefined {
  return typeof statusLine === 'string' ? statusLine.slice(0, MAX_STATUS_LINE) : undefined;
}

function boundedPage(page: PageMarkers | undefined): PageMarkers | undefined {
  if (typeof page !== 'object' || page === null) return undefined;
  const title = typeof page.title === 'string' ? page.title.slice(0, MAX_PAGE_TITLE) : '';
  const text = typeof page.text === 'string' ? page.text.slice(0, MAX_PAGE_TEXT) : '';
  return { title, text };
}

/** An identifier that throws or returns nonsense must not take the diagnosis down with it. */
function safeChain(identify: () => GatewayMatch[]): GatewayMatch[] {
  try {
    const chain = identify();
    return Array.isArray(chain)
      ? chain
          .filter((g) => typeof g?.id === 'string' && typeof g.name === 'string')
          .slice(0, MAX_CHAIN)
      : [];
  } catch {
    return [];
  }
}

function safeIds(ids: () => RequestId[]): RequestId[] {
  try {
    const found = ids();
    return Array.isArray(found)
      ? found.filter((id) => typeof id?.value === 'string' && typeof id.label === 'string')
      : [];
  } catch {
    return [];
  }
}

// Cloudflare's 1xxx code, as its pages print it: "error code: 1016" (plain text), "Error 1033" or "| 1033:" (HTML).
const CLOUDFLARE_CODE = [/\berror code:?\s*(1\d{3})\b/i, /\berror\s+(1\d{3})\b/i, /\|\s*(1\d{3}):/];

/** The 1xxx code of a Cloudflare page; only read when Cloudflare is in the path, as other pages say "error 1234" too. */
function cloudflareCode(
  headers: Headers,
  chain: readonly GatewayMatch[],
  page: PageMarkers | undefined,
): string | undefined {
  if (!page || !(headers.has('cf-ray') || chain.some((gateway) => gateway.id === 'cloudflare'))) {
    return undefined;
  }
  for (const source of [page.title, page.text]) {
    for (const pattern of CLOUDFLARE_CODE) {
      const code = pattern.exec(source)?.[1];
      if (code !== undefined) return code;
    }
  }
  return undefined;
}
