/**
 * Names the products that handled a failed response, closest to the site's server first. Headers and pages come from
 * anyone, so the work is bounded whatever they hold: a fixed list of rules, each looking up a header by name (a few
 * of its values at most) or matching a capped page with a linear expression.
 */
import { fingerprints, LAYERS, type Condition, type Fingerprint } from './fingerprints';
import type { Headers } from './headers';
import type { Confidence, Evidence, GatewayMatch, PageMarkers } from './types';

/** Error pages put their markers near the top; text past this is not scanned. */
export const MAX_SCANNED_TEXT = 4096;
const MAX_SCANNED_TITLE = 256;
/** A real Via or Set-Cookie list is shorter; more values of one header are not looked at. */
const MAX_VALUES_PER_HEADER = 8;
const MAX_EVIDENCE_VALUE = 120;
const MAX_EVIDENCE_PER_MATCH = 8;

const rank: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

interface Response {
  readonly headers: Headers;
  readonly title: string;
  readonly text: string;
  readonly statusCode: number | undefined;
  readonly reason: string | undefined;
}

interface Draft {
  readonly fingerprint: Fingerprint;
  readonly order: number;
  confidence: Confidence;
  producedError: boolean;
  readonly evidence: Map<string, Evidence>;
}

/**
 * @param statusLine the HTTP/1.x status line (`HTTP/1.1 503 Service Unavailable: ...`): a few products show
 * themselves only in their reason phrase.
 */
export function identifyGateways(
  headers: Headers,
  page?: PageMarkers,
  statusCode?: number,
  statusLine?: string,
  rules: readonly Fingerprint[] = fingerprints,
): GatewayMatch[] {
  const response: Response = {
    headers,
    title: visible(page?.title, MAX_SCANNED_TITLE),
    text: visible(page?.text, MAX_SCANNED_TEXT),
    statusCode,
    reason: reasonPhrase(statusLine),
  };
  const drafts = new Map<string, Draft>();
  rules.forEach((fingerprint, order) => {
    const draft = match(fingerprint, order, response);
    if (draft) drafts.set(fingerprint.id, draft);
  });
  for (const fingerprint of rules) {
    const product = drafts.get(fingerprint.id);
    if (product) for (const base of fingerprint.builtOn ?? []) absorb(product, drafts, base);
  }
  const chain = [...drafts.values()].sort(
    (a, b) =>
      LAYERS.indexOf(a.fingerprint.layer) - LAYERS.indexOf(b.fingerprint.layer) ||
      a.order - b.order,
  );
  // Only one hop wrote the error; a layer further out that relayed it may still flag it (CloudFront's
  // "Error from cloudfront" on an API Gateway error), so the innermost claim wins.
  const producer = chain.find((draft) => draft.producedError);
  return chain.map((draft) => ({
    id: draft.fingerprint.id,
    name: draft.fingerprint.name,
    role: draft.fingerprint.role,
    confidence: draft.confidence,
    evidence: [...draft.evidence.values()].slice(0, MAX_EVIDENCE_PER_MATCH),
    producedError: draft === producer,
  }));
}

function match(fingerprint: Fingerprint, order: number, response: Response): Draft | undefined {
  let draft: Draft | undefined;
  for (const signal of fingerprint.signals) {
    const conditions: readonly Condition[] = Array.isArray(signal.when)
      ? signal.when
      : [signal.when];
    const found: Evidence[] = [];
    for (const condition of conditions) {
      const evidence = observe(condition, response);
      if (!evidence) break;
      found.push(evidence);
    }
    if (found.length !== conditions.length || found.length === 0) continue;
    draft ??= {
      fingerprint,
      order,
      confidence: signal.confidence,
      producedError: false,
      evidence: new Map(),
    };
    if (rank[signal.confidence] > rank[draft.confidence]) draft.confidence = signal.confidence;
    draft.producedError ||= signal.producedError === true;
    for (const evidence of found) draft.evidence.set(evidenceKey(evidence), evidence);
  }
  return draft;
}

function observe(condition: Condition, response: Response): Evidence | undefined {
  if ('header' in condition) {
    const values = response.headers.all(condition.header).slice(0, MAX_VALUES_PER_HEADER);
    const value = values.find((candidate) => condition.value?.test(candidate) ?? true);
    if (value === undefined) return undefined;
    // A cookie's name is the marker; its value may be the visitor's session and stays out of reports.
    const shown = condition.header === 'set-cookie' ? value.split('=', 1)[0] : value;
    return { source: 'header', name: condition.header, value: cap(shown ?? '') };
  }
  if ('title' in condition) {
    return condition.title.test(response.title)
      ? { source: 'title', name: 'title', value: cap(response.title) }
      : undefined;
  }
  if ('text' in condition) {
    const found = condition.text.exec(response.text);
    return found ? { source: 'body', name: 'text', value: cap(found[0]) } : undefined;
  }
  if ('status' in condition) {
    const code = response.statusCode;
    const [lowest, highest] = condition.status;
    return code !== undefined && code >= lowest && code <= highest
      ? { source: 'status', name: 'status', value: String(code) }
      : undefined;
  }
  if ('reason' in condition) {
    const reason = response.reason;
    return reason !== undefined && condition.reason.test(reason)
      ? { source: 'status', name: 'reason', value: cap(reason) }
      : undefined;
  }
  return response.title === '' && response.text === ''
    ? { source: 'body', name: 'body', value: 'empty' }
    : undefined;
}

/** Folds a product this one is built from into it: its markers are this product's markers. */
function absorb(product: Draft, drafts: Map<string, Draft>, baseId: string): void {
  const base = drafts.get(baseId);
  if (!base) return;
  for (const [key, evidence] of base.evidence) product.evidence.set(key, evidence);
  product.producedError ||= base.producedError;
  drafts.delete(baseId);
}

function visible(value: unknown, limit: number): string {
  return typeof value === 'string' ? value.slice(0, limit).replace(/\s+/g, ' ').trim() : '';
}

function reasonPhrase(statusLine: string | undefined): string | undefined {
  if (typeof statusLine !== 'string') return undefined;
  const found = /^(?:HTTP\/\d(?:\.\d)? )?\d{3} (.{1,200})$/.exec(statusLine.slice(0, 256).trim());
  const reason = found?.[1]?.trim();
  return reason === '' ? undefined : reason;
}

function cap(value: string): string {
  return value.length > MAX_EVIDENCE_VALUE ? value.slice(0, MAX_EVIDENCE_VALUE) : value;
}

function evidenceKey(evidence: Evidence): string {
  return `${evidence.source}\u0000${evidence.name}\u0000${evidence.value}`;
}
