import type { ProbeResult, SessionComparison } from '@/lib/checks/results';
import { sessionVerdict } from '@/lib/checks/session';
import { BUTTON } from '../diagnosis/styles';
import { BusyButton } from '../diagnosis/BusyButton';
import { useT } from '../i18n';
import { CheckItem, Outcome } from './CheckItem';

type T = ReturnType<typeof useT>;

export interface SessionCheckProps {
  readonly result: SessionComparison | undefined;
  readonly running: boolean;
  readonly error?: string | undefined;
  readonly onCompare: () => void;
  /** Moves to check 4, clearing the site's data. */
  readonly onGoToClear: () => void;
}

const answer = (probe: ProbeResult, t: T) =>
  probe.outcome === 'no-answer' ? t('checkNoAnswerShort') : String(probe.statusCode);

const MEANING = {
  session: 'checkSessionSession',
  site: 'checkSessionSite',
  works: 'checkSessionWorks',
  'signed-in-only': 'checkSessionSignedInOnly',
  'no-answer': 'checkSessionNoAnswer',
} as const;

/** Check 3: the same request with and without the site's cookies. */
export function SessionCheck({
  result,
  running,
  error,
  onCompare,
  onGoToClear,
}: SessionCheckProps) {
  const t = useT();
  let found: string | null = null;
  let next: string | undefined;
  let tiedToSession = false;
  if (result?.outcome === 'compared') {
    const verdict = sessionVerdict(result.withCookies, result.withoutCookies);
    found = t(
      'checkSessionAnswers',
      answer(result.withCookies, t),
      answer(result.withoutCookies, t),
    );
    next = t(MEANING[verdict]);
    tiedToSession = verdict === 'session';
  } else if (result?.outcome === 'refused-post') {
    [found, next] = [t('checkRetryRefusedPost'), t('checkRetryRefusedPostNext')];
  } else if (result) {
    found = t('checkNothingLeft');
  }
  return (
    <CheckItem id="check-session" title={t('checkSessionTitle')} why={t('checkSessionWhy')}>
      <BusyButton label={t('checkSessionButton')} busy={running} onPress={onCompare} />
      <Outcome found={found} next={next} running={running} error={error} />
      {tiedToSession && !running && (
        <button type="button" class={BUTTON} onClick={onGoToClear}>
          {t('checkSessionGoToClear')}
        </button>
      )}
    </CheckItem>
  );
}
