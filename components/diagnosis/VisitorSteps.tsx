import type { Diagnosis } from '@/lib/diagnosis/types';
import { useT } from '../i18n';
import type { OperatingSystem } from './operating-system';
import { StepAction, type DiagnosisActions } from './StepAction';

export interface VisitorStepsProps {
  readonly diagnosis: Pick<Diagnosis, 'visitorSteps' | 'retryAfter'>;
  readonly pageUrl: string;
  readonly os: OperatingSystem;
  readonly actions: DiagnosisActions;
  readonly now?: () => number;
}

/** The visitor's steps, numbered in the order worth trying, each with why it may help and when it cannot. */
export function VisitorSteps({ diagnosis, pageUrl, os, actions, now }: VisitorStepsProps) {
  const t = useT();
  return (
    <section class="flex flex-col gap-2">
      <h3 class="text-base font-semibold">{t('diagnosisStepsHeading')}</h3>
      <ol class="flex list-decimal flex-col gap-3 ps-5">
        {diagnosis.visitorSteps.map((step) => (
          <li key={step.id} class="ps-1 marker:font-semibold">
            <div class="flex flex-col gap-1">
              <span class="font-medium">{t(step.title)}</span>
              <span class="text-xs text-slate-700 dark:text-slate-300">{t(step.why)}</span>
              {step.limit && (
                <span class="text-xs text-slate-600 italic dark:text-slate-400">
                  {t(step.limit)}
                </span>
              )}
              <StepAction
                step={step}
                pageUrl={pageUrl}
                retryAfter={diagnosis.retryAfter}
                os={os}
                actions={actions}
                now={now}
              />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
