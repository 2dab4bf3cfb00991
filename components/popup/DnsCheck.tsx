import type { AddressLookup } from '@/lib/checks/results';
import type { BrowserName } from '@/lib/checks/site-data';
import { FlushDnsCommand } from '../diagnosis/FlushDnsCommand';
import type { OperatingSystem } from '../diagnosis/operating-system';
import { BusyButton } from '../diagnosis/BusyButton';
import { useT } from '../i18n';
import { CheckItem, Outcome } from './CheckItem';

type T = ReturnType<typeof useT>;

export interface DnsCheckProps {
  readonly browser: BrowserName;
  readonly os: OperatingSystem;
  readonly copy: (text: string) => Promise<boolean>;
  readonly result: AddressLookup | undefined;
  readonly running: boolean;
  readonly error?: string | undefined;
  readonly onLookUp: () => void;
}

function lookupOutcome(result: AddressLookup, t: T): [found: string, next?: string] {
  switch (result.outcome) {
    case 'resolved': {
      const addresses = result.addresses.join(', ');
      if (result.comparison === 'same')
        return [t('checkDnsSame', result.host, result.observedIp ?? ''), t('checkDnsSameNext')];
      if (result.comparison === 'changed')
        return [
          t('checkDnsChanged', result.host, addresses, result.observedIp ?? ''),
          t('checkDnsChangedNext'),
        ];
      return [t('checkDnsNotRecorded', result.host, addresses)];
    }
    case 'failed':
      return [t('checkDnsFailed', result.host, result.error), t('checkDnsFailedNext')];
    case 'no-name':
      return [t('checkDnsNoName', result.host)];
    case 'unavailable':
      return [t('checkDnsUnavailable')];
    case 'nothing-to-look-up':
      return [t('checkNothingLeft')];
  }
}

/**
 * Check 5. Firefox looks the name up afresh, past its DNS cache, and compares with the failed request's address;
 * Chrome gives extensions no DNS API, so there it is the visitor's to do, with the command for their system.
 */
export function DnsCheck({ browser, os, copy, result, running, error, onLookUp }: DnsCheckProps) {
  const t = useT();
  if (browser === 'chrome')
    return (
      <CheckItem id="check-dns" title={t('stepFlushDnsTitle')} why={t('stepFlushDnsWhy')}>
        <p class="m-0 text-xs">{t('checkDnsChrome')}</p>
        <FlushDnsCommand os={os} copy={copy} />
      </CheckItem>
    );
  const [found = null, next] = result ? lookupOutcome(result, t) : [];
  return (
    <CheckItem id="check-dns" title={t('checkDnsTitle')} why={t('stepFlushDnsWhy')}>
      <BusyButton label={t('checkDnsButton')} busy={running} onPress={onLookUp} />
      <Outcome found={found} next={next} running={running} error={error} />
    </CheckItem>
  );
}
