import type { ArchiveLookup } from '@/lib/checks/results';
import { archivedCopyUrl } from '../diagnosis/step-links';
import { LINK } from '../diagnosis/styles';
import { BusyButton } from '../diagnosis/BusyButton';
import { useT } from '../i18n';
import { CheckItem, Outcome } from './CheckItem';
import { dateOf } from './format';
import { OutsideLink } from './OutsideLink';

type T = ReturnType<typeof useT>;

export interface ArchiveCheckProps {
  readonly pageUrl: string;
  readonly result: ArchiveLookup | undefined;
  readonly running: boolean;
  readonly error?: string | undefined;
  readonly onCheck: () => void;
}

function archiveOutcome(result: ArchiveLookup, t: T): string {
  switch (result.outcome) {
    case 'answered':
      return result.availability.available
        ? t('checkArchiveFound', dateOf(result.availability.capturedAt))
        : t('checkArchiveNone');
    case 'unreadable':
      return t('checkArchiveUnreadable');
    case 'no-answer':
      return t('checkArchiveNoAnswer');
    case 'nothing-to-look-up':
      return t('checkNothingLeft');
  }
}

/** Check 8: the latest copy in the Internet Archive, and on request whether there is one at all. */
export function ArchiveCheck({ pageUrl, result, running, error, onCheck }: ArchiveCheckProps) {
  const t = useT();
  const snapshot =
    result?.outcome === 'answered' && result.availability.available
      ? result.availability.snapshotUrl
      : undefined;
  return (
    <CheckItem id="check-archive" title={t('stepArchivedCopyTitle')} why={t('stepArchivedCopyWhy')}>
      <OutsideLink href={archivedCopyUrl(pageUrl)} label={t('diagnosisArchiveLink')} class={LINK} />
      <BusyButton label={t('checkArchiveButton')} busy={running} onPress={onCheck} />
      <Outcome found={result ? archiveOutcome(result, t) : null} running={running} error={error} />
      {snapshot && <OutsideLink href={snapshot} label={t('checkArchiveOpen')} class={LINK} />}
    </CheckItem>
  );
}
