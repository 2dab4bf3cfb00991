import type { RetryResult } from '@/lib/checks/results';
import { PRIMARY_BUTTON } from '../diagnosis/styles';
import { BusyButton } from '../diagnosis/BusyButton';
import { useT } from '../i18n';
import { CheckItem, Outcome } from './CheckItem';
import { timeOf } from './format';

type T = ReturnType<typeof useT>;

export interface RetryCheckProps {
  readonly result: RetryResult | undefined;
  readonly running: boolean;
  readonly error?: string | undefined;
  readonly onRetry: () => void;
}

function retryOutcome(result: RetryResult, t: T): [found: string, next?: string] {
  switch (result.outcome) {
    case 'back':
      return [t('checkRetryBack', result.statusCode, timeOf(result.time))];
    case 'still-failing':
      return [
        t('checkRetryFailing', result.statusCode, timeOf(result.time)),
        result.retryAfterAt === undefined
          ? t('checkRetryFailingNext')
          : t('checkRetryFailingAsksWait', timeOf(result.retryAfterAt)),
      ];
    case 'no-answer':
      return [t('checkRetryNoAnswer', timeOf(result.time)), t('checkRetryNoAnswerNext')];
    case 'refused-post':
      return [t('checkRetryRefusedPost'), t('checkRetryRefusedPostNext')];
    case 'nothing-to-retry':
      return [t('checkNothingLeft')];
  }
}

/** Check 1: ask the site again now. */
export function RetryCheck({ result, running, error, onRetry }: RetryCheckProps) {
  const t = useT();
  const [found = null, next] = result ? retryOutcome(result, t) : [];
  return (
    <CheckItem id="check-retry" title={t('checkRetryTitle')} why={t('checkRetryWhy')}>
      <BusyButton
        label={t('diagnosisStepRetry')}
        busy={running}
        onPress={onRetry}
        class={PRIMARY_BUTTON}
      />
      <Outcome
        found={found}
        next={next}
        running={running}
        runningText={t('diagnosisRetryChecking')}
        error={error}
      />
    </CheckItem>
  );
}

export interface ReloadCheckProps {
  readonly result: { readonly time: number } | undefined;
  readonly running: boolean;
  readonly error?: string | undefined;
  readonly onReload: () => void;
}

/** Check 2: reload around the browser's cache. */
export function ReloadCheck({ result, running, error, onReload }: ReloadCheckProps) {
  const t = useT();
  return (
    <CheckItem id="check-reload" title={t('stepHardReloadTitle')} why={t('stepHardReloadWhy')}>
      <BusyButton label={t('diagnosisStepHardReload')} busy={running} onPress={onReload} />
      <Outcome
        found={result ? t('checkReloadDone', timeOf(result.time)) : null}
        next={t('checkReloadDoneNext')}
        running={running}
        error={error}
      />
    </CheckItem>
  );
}
