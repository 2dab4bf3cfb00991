import type { Diagnosis, FailureKind } from '@/lib/diagnosis/types';
import type { MessageKey } from '@/lib/i18n/messages';
import { useT } from '../i18n';

const HEADLINES: Readonly<Record<FailureKind, MessageKey>> = {
  'gateway-error': 'diagnosisHeadlineGatewayError',
  'gateway-timeout': 'diagnosisHeadlineGatewayTimeout',
  unavailable: 'diagnosisHeadlineUnavailable',
  'server-error': 'diagnosisHeadlineServerError',
  'not-supported': 'diagnosisHeadlineNotSupported',
  storage: 'diagnosisHeadlineStorage',
  'network-auth': 'diagnosisHeadlineNetworkAuth',
  challenge: 'diagnosisHeadlineChallenge',
  network: 'diagnosisHeadlineNetwork',
};

export type HeadlineProps = Pick<Diagnosis, 'kind' | 'title' | 'meaning' | 'vendorCode'>;

/** What happened in plain words, then the status code and its name, then what that status means. */
export function Headline({ kind, title, meaning, vendorCode }: HeadlineProps) {
  const t = useT();
  return (
    <div class="flex flex-col gap-1">
      <h2 class="text-lg leading-snug font-semibold">{t(HEADLINES[kind])}</h2>
      <p class="text-sm">
        <strong class="font-semibold tabular-nums">{t(title)}</strong>
        {vendorCode && (
          <span class="text-slate-600 dark:text-slate-300">
            {' · '}
            {t('diagnosisVendorCode', vendorCode)}
          </span>
        )}
      </p>
      <p class="text-sm text-slate-600 dark:text-slate-300">{t(meaning)}</p>
    </div>
  );
}
