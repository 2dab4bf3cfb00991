import { useEffect, useRef } from 'preact/hooks';
import {
  clockTime,
  watchStatusMessage,
  watchView,
  type StopOutcome,
  type Watch,
} from '@/lib/watch/watch';
import { useT } from '../i18n';
import { BUTTON, FOCUS, HEADING, HINT, SECTION } from './styles';

export interface WatchListProps {
  /** Running watches first, then ended ones (lib/watch/watch.ts `listedWatches`). */
  readonly watches: readonly Watch[];
  readonly lang: string;
  /** What came of the last Stop or Remove; null before any. */
  readonly lastStop: StopOutcome | null;
  readonly onStop: (watch: Watch) => void;
}

/**
 * "Pages being watched": each watch's address, what it is doing and when it asks next, and a way to stop it, so a
 * watch whose tab was closed need not run until it gives up. An ended watch (back, or given up) can be removed.
 */
export function WatchList({ watches, lang, lastStop, onStop }: WatchListProps) {
  const t = useT();
  const outcome = useRef<HTMLParagraphElement>(null);
  // The button goes with its row: the keyboard lands on what came of it, not at the page's start.
  useEffect(() => {
    if (lastStop) outcome.current?.focus();
  }, [lastStop]);
  return (
    <section aria-labelledby="watches-heading" class={SECTION} data-section="watches">
      <h2 id="watches-heading" class={HEADING}>
        {t('optionsWatchesHeading')}
      </h2>
      <p class={HINT}>{t('optionsWatchesWhy')}</p>
      {watches.length === 0 ? (
        <p class="m-0 italic">{t('optionsWatchesEmpty')}</p>
      ) : (
        <ul class="m-0 flex list-none flex-col gap-3 p-0" aria-labelledby="watches-heading">
          {watches.map((watch) => (
            <WatchRow key={watch.id} watch={watch} lang={lang} onStop={onStop} />
          ))}
        </ul>
      )}
      <p
        ref={outcome}
        tabIndex={-1}
        role="status"
        class={`m-0 font-medium ${lastStop?.stopped === false ? 'text-red-800 dark:text-red-300' : ''} ${FOCUS}`}
      >
        {lastStop &&
          (lastStop.stopped
            ? t(lastStop.ended ? 'optionsWatchesRemoved' : 'optionsWatchesStopped', lastStop.url)
            : t('optionsWatchesStopFailed', lastStop.url))}
      </p>
    </section>
  );
}

function WatchRow({
  watch,
  lang,
  onStop,
}: {
  watch: Watch;
  lang: string;
  onStop: WatchListProps['onStop'];
}) {
  const t = useT();
  const status = watchStatusMessage(watchView(watch, watch.fromForm), (at) => clockTime(at, lang));
  const running = watch.status === 'watching';
  return (
    <li class="flex flex-wrap items-center justify-between gap-3" data-watch={watch.id}>
      <div class="flex min-w-0 flex-col gap-1">
        <span class="font-mono text-sm break-all">{watch.url}</span>
        {status && <span class={HINT}>{t(status)}</span>}
      </div>
      <button
        type="button"
        class={BUTTON}
        aria-label={t(running ? 'optionsWatchesStopPage' : 'optionsWatchesRemovePage', watch.url)}
        onClick={() => onStop(watch)}
      >
        {t(running ? 'watchStop' : 'optionsWatchesRemove')}
      </button>
    </li>
  );
}
