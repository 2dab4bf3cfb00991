import type { HistoryEntry } from '@/lib/history/history';
import { useT } from '../i18n';

/** The local history's latest incidents, for the popup of a healthy tab. */
export function RecentIncidents({ entries }: { entries: readonly HistoryEntry[] }) {
  const t = useT();
  const when = (time: number) =>
    new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="recent-heading" class="flex flex-col gap-2">
      <h2 id="recent-heading" class="m-0 text-sm font-semibold">
        {t('popupRecentHeading')}
      </h2>
      {entries.length === 0 ? (
        <p class="m-0 text-xs">{t('popupRecentEmpty')}</p>
      ) : (
        <ul class="m-0 flex list-none flex-col gap-2 p-0">
          {entries.map((entry) => (
            <li key={`${entry.time}-${entry.site}`} class="flex flex-col text-xs">
              <span class="font-medium break-all">{entry.site}</span>
              <span class="text-slate-700 dark:text-slate-300">
                {[entry.statusCode, entry.gateway, when(entry.time)].filter(Boolean).join(' · ')}
                {entry.recoveredAt !== null &&
                  ` · ${t('popupRecentRecovered', when(entry.recoveredAt))}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
