import type { ChartUnit, IncidentChart as Chart } from '@/lib/history/chart';
import type { MessageKey } from '@/lib/i18n/messages';
import { useT } from '../i18n';
import { formatBucket } from './format';

export interface IncidentChartProps {
  readonly chart: Chart;
  readonly lang: string;
}

const SUMMARY: Record<ChartUnit, MessageKey> = {
  day: 'optionsChartPerDay',
  week: 'optionsChartPerWeek',
  month: 'optionsChartPerMonth',
};

const WIDTH = 640;
const HEIGHT = 160;
const AXIS = 20;
const TOP = 8;

/**
 * Incidents over time as bars, drawn by hand in SVG: a charting library would weigh more than the whole options page
 * may. For screen readers the picture is one image whose name says what it shows (span, total, busiest bar); each
 * bar's own title is for the pointer. The table below it holds every figure.
 */
export function IncidentChart({ chart, lang }: IncidentChartProps) {
  const t = useT();
  const { buckets, unit, max, total } = chart;
  const first = buckets[0];
  const last = buckets.at(-1);
  if (!first || !last) return null;
  const summary = t(
    SUMMARY[unit],
    formatBucket(first.start, unit, lang),
    formatBucket(last.start, unit, lang),
    total,
    max,
  );
  const slot = WIDTH / buckets.length;
  // A week of days would otherwise draw slabs: bars stay slim, centred in their slots.
  const barWidth = Math.min(32, Math.max(1, slot * 0.7));
  const scale = (HEIGHT - AXIS - TOP) / Math.max(max, 1);
  return (
    <figure class="m-0 flex flex-col gap-2">
      <figcaption class="font-medium">{t('optionsChartHeading')}</figcaption>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        class="h-auto w-full text-slate-700 dark:text-slate-300"
      >
        <line
          x1={0}
          x2={WIDTH}
          y1={HEIGHT - AXIS}
          y2={HEIGHT - AXIS}
          class="stroke-current"
          stroke-width={1}
        />
        {buckets.map((bucket, index) => {
          const height = bucket.count * scale;
          return (
            <rect
              key={bucket.start}
              x={index * slot + (slot - barWidth) / 2}
              y={HEIGHT - AXIS - height}
              width={barWidth}
              height={height}
              class="fill-blue-700 dark:fill-blue-300"
            >
              <title>
                {t('optionsChartBar', formatBucket(bucket.start, unit, lang), bucket.count)}
              </title>
            </rect>
          );
        })}
        <text x={0} y={HEIGHT - 4} class="fill-current text-xs">
          {formatBucket(first.start, unit, lang)}
        </text>
        <text x={WIDTH} y={HEIGHT - 4} text-anchor="end" class="fill-current text-xs">
          {formatBucket(last.start, unit, lang)}
        </text>
        <text x={0} y={TOP + 10} class="fill-current text-xs">
          {max}
        </text>
      </svg>
      <p class="m-0 text-sm text-slate-700 dark:text-slate-300" aria-hidden="true">
        {summary}
      </p>
    </figure>
  );
}
