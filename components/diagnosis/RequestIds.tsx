import type { RequestId } from '@/lib/diagnosis/types';
import { useT } from '../i18n';

/** The identifiers the site's owner (or their provider's support) can find this request by. */
export function RequestIds({ ids }: { ids: readonly RequestId[] }) {
  const t = useT();
  return (
    <section class="flex flex-col gap-1">
      <h4 class="text-sm font-semibold">{t('diagnosisRequestIdsHeading')}</h4>
      {ids.length === 0 ? (
        <p class="text-xs">{t('diagnosisNoRequestIds')}</p>
      ) : (
        <dl class="grid grid-cols-[auto_1fr] gap-x-2 gap-y-1 text-xs">
          {ids.map(({ label, source, value }) => (
            <div key={`${source}:${value}`} class="contents">
              <dt class="font-medium" title={source}>
                {label}
              </dt>
              <dd class="font-mono break-all select-all">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
