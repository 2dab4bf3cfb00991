import { useEffect, useRef } from 'preact/hooks';
import { statusEntry } from '@/lib/diagnosis/status-catalogue';
import type { IncidentChart as Chart } from '@/lib/history/chart';
import type { ExportFormat } from '@/lib/history/export';
import type { HistoryFilter } from '@/lib/history/filter';
import type { HistoryEntry } from '@/lib/history/history';
import type { HistoryReading } from '@/lib/history/reading';
import type { HistoryMode } from '@/lib/settings/settings';
import { MAX_HISTORY } from '@/lib/history/history';
import { useT } from '../i18n';
import { formatDuration, formatWhen, isOne } from './format';
import { IncidentChart } from './IncidentChart';
import { BUTTON, DANGER_BUTTON, FIELD, FOCUS, HEADING, HINT, SECTION } from './styles';

export interface HistoryViewProps {
  readonly reading: HistoryReading;
  /** The entries the filter lets through, newest first. */
  readonly shown: readonly HistoryEntry[];
  readonly facets: { readonly origins: readonly string[]; readonly statusCodes: readonly number[] };
  readonly filter: HistoryFilter;
  readonly chart: Chart | null;
  readonly historyMode: HistoryMode;
  readonly lang: string;
  readonly confirmingClear: boolean;
  readonly cleared: boolean;
  readonly onFilter: (change: Partial<HistoryFilter>) => void;
  readonly onExport: (format: ExportFormat) => void;
  readonly onAskToClear: () => void;
  readonly onCancelClear: () => void;
  readonly onClear: () => void;
}

/** The local history: what could not be read, filters, the chart, the table, export and clearing. */
export function HistoryView(props: HistoryViewProps) {
  const t = useT();
  const { reading, shown, historyMode, cleared } = props;
  const entries = reading.entries;
  const clearedNote = useRef<HTMLParagraphElement>(null);
  // The Delete button goes with the confirmation: focus the answer, not the page's start.
  useEffect(() => {
    if (cleared) clearedNote.current?.focus();
  }, [cleared]);
  const anythingStored = entries.length > 0 || reading.damaged || reading.malformed > 0;
  return (
    <section aria-labelledby="history-heading" class={SECTION}>
      <h2 id="history-heading" class={HEADING}>
        {t('optionsHistoryHeading')}
      </h2>
      {historyMode === 'off' && <p class="m-0 font-medium">{t('optionsHistoryOff')}</p>}
      <ReadingProblems reading={reading} lang={props.lang} />
      <p ref={clearedNote} tabIndex={-1} role="status" class={`m-0 font-medium ${FOCUS}`}>
        {cleared && entries.length === 0 && t('optionsCleared')}
      </p>
      {entries.length === 0 ? (
        !reading.damaged && !cleared && <p class="m-0">{t('optionsHistoryEmpty')}</p>
      ) : (
        <>
          <Filters {...props} />
          {props.chart && <IncidentChart chart={props.chart} lang={props.lang} />}
          <p class="m-0" role="status">
            {t('optionsHistoryShowing', shown.length, entries.length)}
          </p>
          {shown.length > 0 && <HistoryTable {...props} />}
        </>
      )}
      {anythingStored && <Actions {...props} />}
    </section>
  );
}

function ReadingProblems({ reading, lang }: { reading: HistoryReading; lang: string }) {
  const t = useT();
  const problems = [
    reading.damaged && t('optionsHistoryDamaged'),
    reading.malformed > 0 &&
      (isOne(reading.malformed, lang)
        ? t('optionsHistoryMalformedOne')
        : t('optionsHistoryMalformedOther', reading.malformed)),
    reading.overLimit > 0 &&
      (isOne(reading.overLimit, lang)
        ? t('optionsHistoryOverLimitOne', MAX_HISTORY)
        : t('optionsHistoryOverLimitOther', MAX_HISTORY, reading.overLimit)),
  ].filter((problem): problem is string => typeof problem === 'string');
  return (
    <>
      {problems.map((problem) => (
        <p
          key={problem}
          class="m-0 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950 dark:border-amber-300 dark:bg-amber-950 dark:text-amber-50"
        >
          {problem}
        </p>
      ))}
    </>
  );
}

function useStatusName() {
  const t = useT();
  // 0 is how the history records a page that got no answer at all.
  return (code: number) => (code === 0 ? t('optionsNoAnswer') : t(statusEntry(code).title));
}

function Filters({ facets, filter, onFilter }: HistoryViewProps) {
  const t = useT();
  const statusName = useStatusName();
  return (
    <div class="flex flex-wrap gap-4">
      <div class="flex flex-col gap-1">
        <label for="history-filter-site" class="font-medium">
          {t('optionsFilterSite')}
        </label>
        <select
          id="history-filter-site"
          class={FIELD}
          value={filter.origin ?? ''}
          onChange={(event) => onFilter({ origin: event.currentTarget.value || null })}
        >
          <option value="">{t('optionsFilterAllSites')}</option>
          {facets.origins.map((origin) => (
            <option key={origin} value={origin}>
              {origin}
            </option>
          ))}
        </select>
      </div>
      <div class="flex flex-col gap-1">
        <label for="history-filter-status" class="font-medium">
          {t('optionsFilterStatus')}
        </label>
        <select
          id="history-filter-status"
          class={FIELD}
          value={filter.statusCode === null ? '' : String(filter.statusCode)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onFilter({ statusCode: value === '' ? null : Number(value) });
          }}
        >
          <option value="">{t('optionsFilterAllStatuses')}</option>
          {facets.statusCodes.map((code) => (
            <option key={code} value={String(code)}>
              {statusName(code)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function HistoryTable({ shown, lang }: HistoryViewProps) {
  const t = useT();
  const statusName = useStatusName();
  const header =
    'border-b-2 border-slate-400 px-2 py-1 text-left font-semibold dark:border-slate-500';
  const cell = 'border-b border-slate-200 px-2 py-1 align-top dark:border-slate-700';
  return (
    <table class="w-full table-fixed border-collapse text-sm">
      <caption class="sr-only">{t('optionsTableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" class={`w-[22%] ${header}`}>
            {t('optionsColumnWhen')}
          </th>
          <th scope="col" class={`w-[30%] ${header}`}>
            {t('optionsColumnSite')}
          </th>
          <th scope="col" class={header}>
            {t('optionsColumnStatus')}
          </th>
          <th scope="col" class={header}>
            {t('optionsColumnGateway')}
          </th>
          <th scope="col" class={header}>
            {t('optionsColumnRecovered')}
          </th>
        </tr>
      </thead>
      <tbody>
        {shown.map((entry) => (
          <tr key={`${entry.time} ${entry.site}`}>
            <td class={cell}>
              <time dateTime={new Date(entry.time).toISOString()}>
                {formatWhen(entry.time, lang)}
              </time>
            </td>
            <td class={`${cell} break-all`}>{entry.site}</td>
            <td class={cell}>{statusName(entry.statusCode)}</td>
            <td class={cell}>{entry.gateway ?? t('optionsGatewayUnknown')}</td>
            <td class={cell}>
              {entry.recoveredAt === null
                ? t('optionsNotRecovered')
                : formatDuration(entry.recoveredAt - entry.time, lang)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Actions({
  shown,
  confirmingClear,
  onExport,
  onAskToClear,
  onCancelClear,
  onClear,
}: HistoryViewProps) {
  const t = useT();
  const cancel = useRef<HTMLButtonElement>(null);
  const askAgain = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // Opening the confirmation puts focus on its safe answer; closing it returns focus to the button that opened it.
  useEffect(() => {
    if (confirmingClear) cancel.current?.focus();
    else if (asked.current) askAgain.current?.focus();
    asked.current = confirmingClear;
  }, [confirmingClear]);
  return (
    <div class="flex flex-col gap-3">
      {shown.length > 0 && (
        <div class="flex flex-col gap-1">
          <div class="flex flex-wrap gap-2">
            <button
              type="button"
              class={BUTTON}
              aria-describedby="history-export-why"
              onClick={() => onExport('json')}
            >
              {t('optionsExportJson')}
            </button>
            <button
              type="button"
              class={BUTTON}
              aria-describedby="history-export-why"
              onClick={() => onExport('csv')}
            >
              {t('optionsExportCsv')}
            </button>
          </div>
          <p id="history-export-why" class={HINT}>
            {t('optionsExportWhy')}
          </p>
        </div>
      )}
      {confirmingClear ? (
        <div
          role="group"
          aria-labelledby="history-clear-question"
          class="flex flex-col gap-2 rounded-md border-2 border-red-700 p-3 dark:border-red-300"
        >
          <p id="history-clear-question" class="m-0 font-medium">
            {t('optionsClearConfirm')}
          </p>
          <div class="flex flex-wrap gap-2">
            <button type="button" class={DANGER_BUTTON} onClick={onClear}>
              {t('optionsClearYes')}
            </button>
            <button ref={cancel} type="button" class={BUTTON} onClick={onCancelClear}>
              {t('optionsClearNo')}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button ref={askAgain} type="button" class={BUTTON} onClick={onAskToClear}>
            {t('optionsClear')}
          </button>
        </div>
      )}
    </div>
  );
}
