import { useId } from 'preact/hooks';
import type { Diagnosis, GatewayRole, Hop } from '@/lib/diagnosis/types';
import type { MessageKey } from '@/lib/i18n/messages';
import { useT } from '../i18n';
import { brokenLinkFrom, hopStates, type HopState } from './hop-states';

const ROLES: Readonly<Record<GatewayRole, MessageKey>> = {
  cdn: 'diagnosisRoleCdn',
  'reverse-proxy': 'diagnosisRoleReverseProxy',
  'load-balancer': 'diagnosisRoleLoadBalancer',
  paas: 'diagnosisRolePaas',
  'api-gateway': 'diagnosisRoleApiGateway',
  waf: 'diagnosisRoleWaf',
  'forward-proxy': 'diagnosisRoleForwardProxy',
  'origin-server': 'diagnosisRoleOriginServer',
};

const STATES: Readonly<Record<HopState, { label: MessageKey; mark: string; tone: string }>> = {
  working: {
    label: 'diagnosisHopWorking',
    mark: '✓',
    tone: 'bg-emerald-600 text-white dark:bg-emerald-500 dark:text-slate-950',
  },
  error: {
    label: 'diagnosisHopError',
    mark: '✕',
    tone: 'bg-red-700 text-white dark:bg-red-400 dark:text-slate-950',
  },
  'not-reached': {
    label: 'diagnosisHopNotReached',
    mark: '–',
    tone: 'bg-slate-300 text-slate-800 dark:bg-slate-600 dark:text-slate-100',
  },
};

export type HopDiagramProps = Pick<Diagnosis, 'hops' | 'failedHop' | 'kind' | 'explanation'>;

/**
 * You -> each gateway -> the site's server, drawn top to bottom as Cloudflare's error pages draw it left to right,
 * with each box's state and the failed link said in words, not only in colour.
 */
export function HopDiagram(diagnosis: HopDiagramProps) {
  const t = useT();
  const explanationId = useId();
  const states = hopStates(diagnosis);
  const broken = brokenLinkFrom(diagnosis);
  const name = (hop: Hop) => {
    if (hop.kind === 'gateway') return hop.gateway.name;
    if (hop.kind === 'visitor') return t('diagnosisHopVisitor');
    if (hop.kind === 'origin') return t('diagnosisHopOrigin');
    return t('diagnosisHopUnidentified');
  };
  return (
    <figure class="flex flex-col gap-2">
      <ol
        class="flex list-none flex-col p-0"
        aria-label={t('diagnosisHopsLabel')}
        aria-describedby={explanationId}
      >
        {diagnosis.hops.map((hop, index) => {
          const previous = diagnosis.hops[index - 1];
          const state = STATES[states[index] ?? 'not-reached'];
          return (
            <li key={index} class="flex flex-col">
              {previous && (
                <span
                  class={
                    broken === index - 1
                      ? 'ms-[11px] flex items-center gap-2 border-s-2 border-dashed border-red-700 py-1 ps-3 text-xs font-semibold text-red-800 dark:border-red-400 dark:text-red-300'
                      : 'ms-[11px] block h-3 border-s-2 border-slate-300 dark:border-slate-600'
                  }
                >
                  {broken === index - 1 && t('diagnosisHopBrokenLink', name(previous), name(hop))}
                </span>
              )}
              <span class="flex items-center gap-2">
                <span
                  class={`flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-bold ${state.tone}`}
                  aria-hidden="true"
                >
                  {state.mark}
                </span>
                <span class="flex min-w-0 flex-1 flex-col">
                  <span class="font-medium break-words">{name(hop)}</span>
                  {hop.kind === 'gateway' && (
                    <span class="text-xs text-slate-600 dark:text-slate-300">
                      {t(ROLES[hop.gateway.role])}
                    </span>
                  )}
                </span>
                <span class="text-xs font-semibold">{t(state.label)}</span>
              </span>
            </li>
          );
        })}
      </ol>
      <figcaption id={explanationId} class="text-sm">
        {t(diagnosis.explanation)}
      </figcaption>
    </figure>
  );
}
