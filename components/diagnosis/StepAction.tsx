import type { ClearSiteDataResult } from '@/lib/checks/results';
import type { SiteDataPlan } from '@/lib/checks/site-data';
import type { Diagnosis, GuidanceStep } from '@/lib/diagnosis/types';
import { useT } from '../i18n';
import { ClearSiteData } from './ClearSiteData';
import { CopyButton } from './CopyButton';
import { FlushDnsCommand } from './FlushDnsCommand';
import type { OperatingSystem } from './operating-system';
import { RetryButton, type RetryCheck } from './RetryButton';
import { RetryCountdown } from './RetryCountdown';
import { archivedCopyUrl, downForEveryoneUrl } from './step-links';
import { BUTTON, LINK, PRIMARY_BUTTON } from './styles';
import { WatchControl, type WatchControlProps } from './WatchControl';

/** What the page around the diagnosis can do for the visitor; the content script holds no privileges itself. */
export interface DiagnosisActions {
  /** Reloads the page, through the browser's cache or around it. */
  readonly reload: (bypassCache: boolean) => void;
  /** Asks the site for the page again and reloads it once the site answers; without it, Try again reloads at once. */
  readonly retry?: () => Promise<RetryCheck>;
  /** Writes to the clipboard; false when the browser refused. */
  readonly copy: (text: string) => Promise<boolean>;
  /** The report for the site's owner, written at the moment it is asked for. */
  readonly ownerReport: () => string;
  /** Clears the site's data, once the visitor has confirmed what goes; without it the step has no button. */
  readonly clearSiteData?: {
    readonly plan: SiteDataPlan;
    readonly clear: () => Promise<ClearSiteDataResult>;
    readonly asksForPermission?: boolean;
  };
  /** "Tell me when it's back": the watch as the background last told it, and how to start or stop it. */
  readonly watch?: WatchControlProps;
}

export interface StepActionProps {
  readonly step: GuidanceStep;
  readonly pageUrl: string;
  readonly retryAfter: Diagnosis['retryAfter'];
  readonly os: OperatingSystem;
  readonly actions: DiagnosisActions;
  readonly now?: () => number;
}

/** The control beside a step that does it for the visitor, where one can; nothing for steps only they can take. */
export function StepAction({ step, pageUrl, retryAfter, os, actions, now }: StepActionProps) {
  const t = useT();
  switch (step.id) {
    case 'wait-retry':
      return (
        <div class="flex flex-col items-start gap-1">
          {retryAfter && <RetryCountdown at={retryAfter.at} now={now} />}
          {actions.retry ? (
            <RetryButton retry={actions.retry} />
          ) : (
            <button type="button" class={PRIMARY_BUTTON} onClick={() => actions.reload(false)}>
              {t('diagnosisStepRetry')}
            </button>
          )}
        </div>
      );
    case 'hard-reload':
      return (
        <button type="button" class={BUTTON} onClick={() => actions.reload(true)}>
          {t('diagnosisStepHardReload')}
        </button>
      );
    case 'clear-site-data':
      return actions.clearSiteData ? <ClearSiteData {...actions.clearSiteData} /> : null;
    case 'flush-dns':
      return <FlushDnsCommand os={os} copy={actions.copy} />;
    case 'report-owner':
      return (
        <CopyButton label="diagnosisCopyReport" text={actions.ownerReport} copy={actions.copy} />
      );
    case 'down-for-everyone': {
      const href = downForEveryoneUrl(pageUrl);
      return href ? <OutsideLink href={href} label={t('diagnosisCheckDownLink')} /> : null;
    }
    case 'archived-copy':
      return <OutsideLink href={archivedCopyUrl(pageUrl)} label={t('diagnosisArchiveLink')} />;
    case 'watch':
      return actions.watch ? <WatchControl {...actions.watch} /> : null;
    default:
      return null;
  }
}

function OutsideLink({ href, label }: { href: string; label: string }) {
  const t = useT();
  return (
    <a class={LINK} href={href} target="_blank" rel="noopener noreferrer">
      {label}
      <span class="sr-only"> {t('diagnosisOpensInNewTab')}</span>
    </a>
  );
}
