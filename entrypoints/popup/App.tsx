import { PageStatus } from '@/components/PageStatus';
import { TranslateContext, useT } from '@/components/i18n';
import { translate } from '@/lib/platform/i18n';
import type { PopupState } from '@/lib/state/popup';

export function App({ state }: { state: PopupState }) {
  return (
    <TranslateContext.Provider value={translate}>
      <Popup state={state} />
    </TranslateContext.Provider>
  );
}

function Popup({ state }: { state: PopupState }) {
  const t = useT();
  const view = state.view.value;
  return (
    <main class="flex w-[22rem] flex-col gap-3 p-4" aria-busy={view.kind === 'loading'}>
      <h1 class="m-0 text-base font-semibold">{t('extName')}</h1>
      {view.kind === 'failed' && (
        <>
          <PageStatus
            statusCode={view.report.incident.page?.statusCode ?? null}
            url={view.report.incident.url}
          />
          <p class="m-0">
            {t('toolbarTitle', view.report.diagnosis.title, view.report.diagnosis.explanation)}
          </p>
        </>
      )}
      {view.kind === 'healthy' && <PageStatus statusCode={null} url={view.url} />}
      {view.kind === 'no-tab' && <p role="status">{t('popupNoTab')}</p>}
    </main>
  );
}
