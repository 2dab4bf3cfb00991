/**
 * The identifiers a site's owner can look up in their provider's logs or hand to its support: Cloudflare's Ray ID,
 * CloudFront's request id, Akamai's reference number and the like, from the headers and from the error page.
 * Vendor identifiers come first, generic ones (x-request-id, trace contexts) after them.
 */
import type { Headers } from './headers';
import type { PageMarkers, RequestId } from './types';

export const MAX_REQUEST_IDS = 12;
/** Longer values are not identifiers anyone can quote, and a cut-off one would point at nothing. */
export const MAX_REQUEST_ID_LENGTH = 128;
const MAX_SCANNED_TEXT = 4096;

interface HeaderId {
  readonly header: string;
  /** The product's own word for it. */
  readonly label: string;
  /** Where the identifier is only part of the value: group 1 holds it. */
  readonly pattern?: RegExp;
}

interface PageId {
  /** Short name for `body:<name>`. */
  readonly name: string;
  readonly label: string;
  /** Group 1 holds the identifier. */
  readonly pattern: RegExp;
}

const vendorHeaders: readonly HeaderId[] = [
  // https://developers.cloudflare.com/fundamentals/reference/cloudflare-ray-id/
  { header: 'cf-ray', label: 'Ray ID' },
  // CloudFront's own error page prints this value as "Request ID".
  { header: 'x-amz-cf-id', label: 'Request ID' },
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
  // ($context.requestId and $context.extendedRequestId)
  { header: 'x-amzn-requestid', label: 'Request ID' },
  { header: 'apigw-requestid', label: 'Request ID' },
  { header: 'x-amz-apigw-id', label: 'Extended request ID' },
  // https://techdocs.akamai.com/property-mgr/docs/global-req-number
  { header: 'akamai-grn', label: 'Global Request Number' },
  { header: 'x-akamai-request-id', label: 'Request ID' },
  // https://www.fastly.com/documentation/reference/http/http-headers/X-Served-By/
  {
    header: 'x-served-by',
    label: 'Served by',
    pattern: /^(cache-[a-z0-9-]{3,30}-[A-Z]{3}(?:, ?cache-[a-z0-9-]{3,30}-[A-Z]{3}){0,3})$/,
  },
  { header: 'x-fastly-request-id', label: 'Request ID' },
  // https://www.fastly.com/documentation/reference/http/http-headers/X-Varnish/
  { header: 'x-varnish', label: 'XID', pattern: /^(\d{1,12})/ },
  // Vercel's error pages print this value as "ID".
  { header: 'x-vercel-id', label: 'ID' },
  { header: 'x-nf-request-id', label: 'Request ID' },
  { header: 'fly-request-id', label: 'Request ID' },
  // https://learn.microsoft.com/azure/frontdoor/front-door-http-headers-protocol
  { header: 'x-azure-ref', label: 'Ref' },
  { header: 'x-msedge-ref', label: 'Ref' },
  { header: 'x-github-request-id', label: 'Request ID' },
  { header: 'x-kong-request-id', label: 'Request ID' },
  { header: 'rndr-id', label: 'Request ID' },
  { header: 'x-railway-request-id', label: 'Request ID' },
  { header: 'sb-request-id', label: 'Request ID' },
  // https://bunny.net/docs/cdn/request-headers-to-origin
  { header: 'cdn-requestid', label: 'Request ID' },
  { header: 'x-styx-req-id', label: 'Request ID' },
  { header: 'eagleid', label: 'EagleId' },
];

const pageIds: readonly PageId[] = [
  { name: 'ray-id', label: 'Ray ID', pattern: /\bRay ID: ?([0-9a-f]{16})\b/ },
  {
    name: 'reference',
    label: 'Reference #',
    pattern: /Reference ?#(\d{1,3}\.[0-9a-f]{6,10}\.\d{9,11}\.[0-9a-f]{4,10})/,
  },
  { name: 'request-id', label: 'Request ID', pattern: /\bRequest ID: ?([\w.:=+/-]{8,128})/ },
  {
    name: 'details',
    label: 'Details',
    pattern: /Details: (cache-[a-z0-9-]{3,30}-[A-Z]{3} \d{9,11} \d{1,12})/,
  },
  { name: 'xid', label: 'XID', pattern: /\bXID: ?(\d{1,12})/ },
  {
    name: 'vercel-id',
    label: 'ID',
    pattern: /\b((?:[a-z]{3}\d::){1,4}[a-z0-9]{5}-\d{13}-[0-9a-f]{12})\b/,
  },
  { name: 'request-id', label: 'Request ID', pattern: /request_id"?: ?"?([0-9a-f]{32})\b/ },
  {
    name: 'incident-id',
    label: 'Incident ID',
    pattern: /Incapsula incident ID:? ?(\d[\d-]{4,59})/,
  },
  {
    name: 'ref',
    label: 'Ref',
    pattern: /(Ref A: ?[\w.-]{8,80} Ref B: ?[\w.-]{1,40} Ref C: ?[\w.:-]{8,40})/,
  },
  // Front Door's compact page ends with its request reference.
  {
    name: 'ref',
    label: 'Ref',
    pattern: /check back soon\. ?([A-Za-z0-9+/]{20,200}={0,2})$/,
  },
];

const genericHeaders: readonly HeaderId[] = [
  { header: 'x-request-id', label: 'Request ID' },
  { header: 'x-correlation-id', label: 'Correlation ID' },
  // https://www.w3.org/TR/trace-context/#traceparent-header (the trace-id field; all zeros is invalid)
  {
    header: 'traceparent',
    label: 'Trace ID',
    pattern: /^[0-9a-f]{2}-(?!0{32})([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/,
  },
  // https://cloud.google.com/trace/docs/trace-context#legacy-http-header
  { header: 'x-cloud-trace-context', label: 'Trace ID', pattern: /^([0-9a-f]{32})(?:[/;]|$)/ },
  // https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader
  { header: 'x-amzn-trace-id', label: 'Trace ID', pattern: /(?:^|;)Root=([\w-]{8,64})/ },
];

export function requestIds(headers: Headers, page?: PageMarkers): RequestId[] {
  const found: RequestId[] = [];
  const add = (source: string, label: string, value: string | undefined): void => {
    if (found.length >= MAX_REQUEST_IDS || value === undefined || !quotable(value)) return;
    const lower = value.toLowerCase();
    // The page often repeats a header's id, or part of it (cf-ray adds "-<colo>" to the page's Ray ID).
    if (found.some((id) => id.value.toLowerCase().startsWith(lower))) return;
    found.push({ source, label, value });
  };
  for (const id of vendorHeaders) add(id.header, id.label, fromHeader(headers, id));
  const text = typeof page?.text === 'string' ? page.text.slice(0, MAX_SCANNED_TEXT) : '';
  const visible = text.replace(/\s+/g, ' ').trim();
  for (const id of pageIds) add(`body:${id.name}`, id.label, id.pattern.exec(visible)?.[1]);
  for (const id of genericHeaders) add(id.header, id.label, fromHeader(headers, id));
  return found;
}

function fromHeader(headers: Headers, id: HeaderId): string | undefined {
  const value = headers.get(id.header);
  if (value === undefined) return undefined;
  return id.pattern ? id.pattern.exec(value)?.[1] : value;
}

/** Printable ASCII, no longer than an identifier gets. */
function quotable(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= MAX_REQUEST_ID_LENGTH &&
    /^[\x21-\x7e][\x20-\x7e]*$/.test(value)
  );
}
