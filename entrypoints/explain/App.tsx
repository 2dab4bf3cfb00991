import { DiagnosisView } from '@/components/diagnosis/DiagnosisView';
import { operatingSystemOf } from '@/components/diagnosis/operating-system';
import { BUTTON, PRIMARY_BUTTON } from '@/components/diagnosis/styles';
import { TranslateContext, useT } from '@/components/i18n';
import { siteDataPlan } from '@/lib/checks/site-data';
import { ownerReport } from '@/lib/diagnosis/report';
import { translate } from '@/lib/platform/i18n';
import type { RetryResult, TabReport } from '@/lib/platform/messages';
import type { ExplainState } from '@/lib/state/explain';

export function App({ state }: { state: ExplainState }) {
  return (
    <TranslateContext.Provider value={translate}>
      <Explain state={state} />
    </TranslateContext.Provider>
  );
}

function Explain({ state }: { state: ExplainState }) {
  const t = useT();
  const view = state.view.value;
  return (
    <main
      class="mx-auto flex max-w-2xl flex-col gap-5 px-5 py-10"
      aria-busy={view.kind === 'loading'}
    >
      <p class="m-0 text-sm font-semibold tracking-wide text-teal-700 uppercase dark:text-teal-300">
        {t('extName')}
      </p>
      {view.kind === 'nothing' && (
        <>
          <h1 class="m-0 text-2xl font-semibold">{t('explainNothingTitle')}</h1>
          <p class="m-0">{t('explainNothingBody')}</p>
        </>
      )}
      {view.kind === 'report' && <Report report={view.report} state={state} />}
    </main>
  );
}

function Report({ report, state }: { report: TabReport; state: ExplainState }) {
  const t = useT();
  const url = report.incident.url;
  document.title = t('explainDocumentTitle', report.diagnosis.statusCode);
  const plan = siteDataPlan(url, import.meta.env.FIREFOX ? 'firefox' : 'chrome');
  const copy = async (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    );
  return (
    <>
      <h1 class="m-0 text-base font-normal break-all text-slate-700 dark:text-slate-300">
        {t('explainWhichPage')}{' '}
        <a class="text-teal-800 underline dark:text-teal-300" href={url}>
          {url}
        </a>
      </h1>
      <div class="flex flex-wrap items-center gap-3">
        <button
          type="button"
          class={PRIMARY_BUTTON}
          onClick={() => void state.retry()}
          disabled={state.retrying.value}
          aria-describedby="retry-result"
        >
          {state.retrying.value ? t('explainRetrying') : t('explainRetry')}
        </button>
        <button type="button" class={BUTTON} onClick={() => history.back()}>
          {t('explainGoBack')}
        </button>
        <p id="retry-result" class="m-0 text-sm" role="status" aria-live="polite">
          {state.lastRetry.value && <RetryOutcome result={state.lastRetry.value} />}
        </p>
      </div>
      <DiagnosisView
        diagnosis={report.diagnosis}
        pageUrl={url}
        os={operatingSystemOf({
          platform: (navigator as Navigator & { userAgentData?: { platform?: string } })
            .userAgentData?.platform,
          userAgent: navigator.userAgent,
        })}
        actions={{
          reload: () => void state.retry(),
          watch: {
            view: state.watch.value,
            onWatch: () => void state.startWatch(),
            onStop: () => void state.stopWatch(),
          },
          copy,
          ...(plan && {
            clearSiteData: { plan, clear: state.clearSiteData, asksForPermission: true },
          }),
          ownerReport: () =>
            report.incident.page
              ? ownerReport(
                  report.diagnosis,
                  report.incident.page,
                  {
                    now: Date.now(),
                    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
                    locale: navigator.language,
                    tried: state.lastRetry.value ? ['wait-retry'] : [],
                    includePrivate: false,
                  },
                  translate,
                )
              : '',
        }}
      />
    </>
  );
}

function RetryOutcome({ result }: { result: RetryResult }) {
  const t = useT();
  switch (result.outcome) {
    case 'back':
      return <>{t('explainRetryBack', result.statusCode)}</>;
    case 'still-failing':
      return (
        <>
          {t(
            'explainRetryStillFailing',
            result.statusCode,
            new Date(result.time).toLocaleTimeString(),
          )}
        </>
      );
    case 'no-answer':
      return <>{t('explainRetryNoAnswer', new Date(result.time).toLocaleTimeString())}</>;
    case 'refused-post':
      return <>{t('explainRetryRefusedPost')}</>;
    case 'nothing-to-retry':
      return <>{t('explainNothingBody')}</>;
  }
}
