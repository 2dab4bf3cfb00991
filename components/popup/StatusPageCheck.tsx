import type { StatusPageLookup } from '@/lib/checks/results';
import { LINK } from '../diagnosis/styles';
import { BusyButton } from '../diagnosis/BusyButton';
import { useT } from '../i18n';
import { CheckItem, Outcome } from './CheckItem';
import { OutsideLink } from './OutsideLink';

type T = ReturnType<typeof useT>;

export interface StatusPageCheckProps {
  readonly result: StatusPageLookup | undefined;
  readonly running: boolean;
  readonly error?: string | undefined;
  readonly onLook: () => void;
}

const hostOf = (url: string) => new URL(url).host;

function statusOutcome(result: StatusPageLookup, t: T): [found: string, next?: string] {
  switch (result.outcome) {
    case 'found': {
      const { indicator, description } = result.status;
      const found = t('checkStatusFound', hostOf(result.url), description);
      if (indicator === 'none') return [found, t('checkStatusNone')];
      if (indicator === 'maintenance') return [found, t('checkStatusMaintenance')];
      return [found, t('checkStatusProblem')];
    }
    case 'not-found':
      return [t('checkStatusNotFound', hostOf(result.url), result.statusCode)];
    case 'unreadable':
      return [t('checkStatusUnreadable', hostOf(result.url))];
    case 'no-answer':
      return [t('checkStatusNoAnswer', hostOf(result.url))];
    case 'no-domain':
      return [t('checkStatusNoDomain')];
  }
}

/** Check 7: the site's official status page, Statuspage-style, asked only when the visitor presses the button. */
export function StatusPageCheck({ result, running, error, onLook }: StatusPageCheckProps) {
  const t = useT();
  const [found = null, next] = result ? statusOutcome(result, t) : [];
  return (
    <CheckItem id="check-status-page" title={t('checkStatusTitle')} why={t('checkStatusWhy')}>
      <BusyButton label={t('checkStatusButton')} busy={running} onPress={onLook} />
      <Outcome found={found} next={next} running={running} error={error} />
      {result?.outcome === 'found' && (
        <OutsideLink
          href={new URL('/', result.url).href}
          label={t('checkStatusOpen')}
          class={LINK}
        />
      )}
    </CheckItem>
  );
}
