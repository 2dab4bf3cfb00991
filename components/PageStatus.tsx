import { useT } from './i18n';

export interface PageStatusProps {
  /** The failed status code, or null for a page that loaded normally. */
  readonly statusCode: number | null;
  readonly url: string | undefined;
}

/** One line saying whether the page in this tab failed, for the top of the popup. */
export function PageStatus({ statusCode, url }: PageStatusProps) {
  const t = useT();
  const host = hostOf(url);
  if (statusCode === null) {
    return (
      <p
        class="rounded-lg bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        role="status"
      >
        {host ? t('popupHealthyOn', host) : t('popupHealthy')}
      </p>
    );
  }
  return (
    <p
      class="rounded-lg bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-100"
      role="status"
    >
      <strong class="mr-2 text-lg tabular-nums">{statusCode}</strong>
      {host ? t('popupFailedOn', host) : t('popupFailed')}
    </p>
  );
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}
