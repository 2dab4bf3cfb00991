import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n';
import { formatCountdown } from './countdown';

export interface RetryCountdownProps {
  /** When the site said it could be tried again, epoch milliseconds (its Retry-After). */
  readonly at: number;
  readonly now?: () => number;
}

/**
 * Time left before the wait the site asked for is over. A timer, not a live region: screen readers read it when
 * asked instead of every second.
 */
export function RetryCountdown({ at, now = Date.now }: RetryCountdownProps) {
  const t = useT();
  const [left, setLeft] = useState(() => at - now());
  useEffect(() => {
    if (left <= 0) return undefined;
    const timer = setInterval(() => setLeft(at - now()), 1000);
    return () => clearInterval(timer);
  }, [at, now, left <= 0]);
  return (
    <p role="timer" class="text-xs font-medium tabular-nums">
      {left > 0
        ? t('diagnosisRetryAfterLeft', formatCountdown(left))
        : t('diagnosisRetryAfterOver')}
    </p>
  );
}
