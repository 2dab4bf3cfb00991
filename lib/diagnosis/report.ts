import { message, type Translate } from '../i18n/messages';
import { isVisitorStepId, visitorStep } from './guidance';
import type { Diagnosis, Hop, Observation } from './types';

export interface ReportOptions {
  /** When the report is written, epoch milliseconds. */
  readonly now: number;
  /** The visitor's IANA time zone, e.g. `Europe/Paris`. */
  readonly timeZone: string;
  /** BCP 47 language tag for dates. */
  readonly locale: string;
  /** Ids of the visitor steps already tried (`wait-retry`, `hard-reload`...). Unknown ids are left out. */
  readonly tried: readonly string[];
  /** Keep the query string and fragment, which can hold search terms, tokens or personal data. */
  readonly includePrivate: boolean;
}

/** Evidence values are cut here: the owner needs to recognise the header, not read a cookie-sized value. */
const MAX_EVIDENCE_VALUE = 80;

/**
 * The text a visitor pastes into an email or a support form: everything the site's owner (and their hosting
 * provider) needs to find the failed request in their logs. Cloudflare's 5xx documentation asks for the same: the
 * code, the time with its time zone, the URL and the Ray ID. Never cookies; the query string only when asked.
 */
export function ownerReport(
  diagnosis: Diagnosis,
  observation: Observation,
  options: ReportOptions,
  translate: Translate,
): string {
  const hopName = (hop: Hop): string => {
    if (hop.kind === 'gateway') return hop.gateway.name;
    return translate(
      message(
        hop.kind === 'visitor'
          ? 'reportHopVisitor'
          : hop.kind === 'origin'
            ? 'reportHopOrigin'
            : 'reportHopUnidentified',
      ),
    );
  };
  const failed = diagnosis.failedHop === null ? undefined : diagnosis.hops[diagnosis.failedHop];
  const tried = options.tried.filter(isVisitorStepId).map((id) => translate(visitorStep(id).title));
  const lines = [
    translate(message('reportIntro')),
    '',
    translate(message('reportPage', displayUrl(observation.url, options.includePrivate))),
    translate(message('reportMethod', String(observation.method).slice(0, 16))),
    ...times(observation.time, options).map((line) => translate(line)),
    translate(message('reportStatus', `${translate(diagnosis.title)}`)),
    translate(message('reportWhat', translate(diagnosis.explanation))),
    translate(message('reportPath', diagnosis.hops.map(hopName).join(' → '))),
    ...(failed ? [translate(message('reportFailedHop', hopName(failed)))] : []),
    ...(diagnosis.vendorCode ? [translate(message('reportVendorCode', diagnosis.vendorCode))] : []),
    ...(observation.ip ? [translate(message('reportServerAddress', observation.ip))] : []),
    '',
    ...gatewayLines(diagnosis, translate),
    ...identifierLines(diagnosis, translate),
    ...(tried.length > 0 ? ['', translate(message('reportTried', tried.join('; ')))] : []),
    '',
    translate(message('reportFooter', translate(message('extName')))),
  ];
  return lines.join('\n');
}

/** The page's address without credentials, and without query and fragment unless the visitor chose to share them. */
export function displayUrl(url: string, includePrivate: boolean): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL a browser loads; keep only what precedes any query or fragment.
    const text = String(url);
    return includePrivate ? text : (text.split(/[?#]/, 1)[0] ?? '');
  }
  parsed.username = '';
  parsed.password = '';
  if (!includePrivate) {
    parsed.search = '';
    parsed.hash = '';
  }
  return parsed.href;
}

function times(time: number, { timeZone, locale }: ReportOptions) {
  if (!Number.isFinite(time)) return [];
  const date = new Date(time);
  const format = (zone: string) =>
    new Intl.DateTimeFormat(safeLocale(locale), {
      dateStyle: 'long',
      timeStyle: 'long',
      timeZone: zone,
    }).format(date);
  const utc = message('reportTimeUtc', format('UTC'));
  const zone = validTimeZone(timeZone);
  return zone && zone !== 'UTC' ? [utc, message('reportTimeLocal', format(zone), zone)] : [utc];
}

function safeLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale])[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function validTimeZone(timeZone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function gatewayLines(diagnosis: Diagnosis, translate: Translate): string[] {
  if (diagnosis.chain.length === 0) return [translate(message('reportNoGateways'))];
  const outermostFirst = [...diagnosis.chain].reverse();
  return [
    translate(message('reportGateways')),
    ...outermostFirst.map((gateway) => {
      const evidence = gateway.evidence
        .map(({ name, value }) => `${name}: ${value.slice(0, MAX_EVIDENCE_VALUE)}`)
        .join(', ');
      return `- ${translate(message('reportGateway', gateway.name, evidence))}`;
    }),
  ];
}

function identifierLines(diagnosis: Diagnosis, translate: Translate): string[] {
  if (diagnosis.requestIds.length === 0) return ['', translate(message('reportNoIdentifiers'))];
  return [
    '',
    translate(message('reportIdentifiers')),
    ...diagnosis.requestIds.map(
      ({ label, source, value }) =>
        `- ${translate(message('reportIdentifier', label, source, value))}`,
    ),
  ];
}
