import type { Diagnosis } from '@/lib/diagnosis/types';
import { useT } from '../i18n';
import { RequestIds } from './RequestIds';
import { FOCUS } from './styles';

export type OwnerSectionProps = Pick<Diagnosis, 'ownerSteps' | 'requestIds'>;

/** "I run this site": collapsed by default, as the visitor rarely does; what to check, and the request's identifiers. */
export function OwnerSection({ ownerSteps, requestIds }: OwnerSectionProps) {
  const t = useT();
  return (
    <details class="rounded-lg border border-slate-300 dark:border-slate-600">
      <summary class={`cursor-pointer rounded-lg px-3 py-2 font-semibold ${FOCUS}`}>
        {t('diagnosisOwnerHeading')}
      </summary>
      <div class="flex flex-col gap-3 px-3 pb-3">
        <ol class="flex list-decimal flex-col gap-2 ps-5">
          {ownerSteps.map((step) => (
            <li key={step.id} class="ps-1">
              <div class="flex flex-col gap-1">
                <span class="text-sm font-medium">{t(step.title)}</span>
                <span class="text-xs text-slate-700 dark:text-slate-300">{t(step.why)}</span>
              </div>
            </li>
          ))}
        </ol>
        <RequestIds ids={requestIds} />
      </div>
    </details>
  );
}
