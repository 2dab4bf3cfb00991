import { PageStatus } from '@/components/PageStatus';
import { ClearSiteData } from '@/components/diagnosis/ClearSiteData';
import { CopyButton } from '@/components/diagnosis/CopyButton';
import { WatchControl } from '@/components/diagnosis/WatchControl';
import { operatingSystemOf } from '@/components/diagnosis/operating-system';
import { TranslateContext, useT } from '@/components/i18n';
import { ArchiveCheck } from '@/components/popup/ArchiveCheck';
import { CheckItem } from '@/components/popup/CheckItem';
import { DnsCheck } from '@/components/popup/DnsCheck';
import { NetworkCheck } from '@/components/popup/NetworkCheck';
import { RecentIncidents } from '@/components/popup/RecentIncidents';
import { ReloadCheck, RetryCheck } from '@/components/popup/RetryCheck';
import { SessionCheck } from '@/components/popup/SessionCheck';
import { StatusPageCheck } from '@/components/popup/StatusPageCheck';
import { browser } from 'wxt/browser';
import { translate } from '@/lib/platform/i18n';
import type { TabReport } from '@/lib/platform/messages';
import { qrAddress, type PopupState } from '@/lib/state/popup';

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
    <main class="flex w-[24rem] flex-col gap-3 p-4" aria-busy={view.kind === 'loading'}>
      <h1 class="m-0 text-base font-semibold">{t('extName')}</h1>
      {view.kind === 'failed' && <Failed report={view.report} state={state} />}
      {view.kind === 'healthy' && (
        <>
          <PageStatus statusCode={null} url={view.url} />
          <RecentIncidents entries={view.recent} />
        </>
      )}
      {view.kind === 'no-tab' && <p role="status">{t('popupNoTab')}</p>}
      <footer class="border-t border-slate-200 pt-2 text-xs dark:border-slate-700">
        <a
          class="text-teal-800 underline dark:text-teal-300"
          href="/options.html"
          target="_blank"
          onClick={(event) => {
            // The browser's own way: it focuses the settings tab when one is open already.
            event.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          {t('popupSettingsLink')}
        </a>
      </footer>
    </main>
  );
}

function Failed({ report, state }: { report: TabReport; state: PopupState }) {
  const t = useT();
  const { diagnosis, incident } = report;
  return (
    <>
      <PageStatus statusCode={incident.page?.statusCode ?? null} url={incident.url} />
      <p class="m-0">{t('toolbarTitle', diagnosis.title, diagnosis.explanation)}</p>
      {diagnosis.kind === 'challenge' ? (
        <p class="m-0">{t('popupChallenge')}</p>
      ) : incident.page ? (
        <Checks pageUrl={incident.url} state={state} />
      ) : (
        <p class="m-0">{t('popupPartsOnly')}</p>
      )}
    </>
  );
}

const copy = (text: string) =>
  navigator.clipboard.writeText(text).then(
    () => true,
    () => false,
  );

interface ChecksProps {
  readonly pageUrl: string;
  readonly state: PopupState;
}

/** The walk-through, in the order worth trying: each check with its button, what it found and what that means. */
function Checks({ pageUrl, state }: ChecksProps) {
  const t = useT();
  const results = state.results.value;
  const running = state.running.value;
  const errors = state.couldNotRun.value;
  const plan = state.clearPlan.value;
  const os = operatingSystemOf({
    platform: (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData
      ?.platform,
    userAgent: navigator.userAgent,
  });
  return (
    <section aria-labelledby="checks-heading" class="flex flex-col gap-2">
      <h2 id="checks-heading" class="m-0 text-sm font-semibold">
        {t('popupChecksHeading')}
      </h2>
      <ol class="m-0 flex list-decimal flex-col gap-4 ps-5">
        <RetryCheck
          result={results.retry}
          running={running.has('retry')}
          error={errors.retry}
          onRetry={() => void state.retry()}
        />
        <ReloadCheck
          result={results.reload}
          running={running.has('reload')}
          error={errors.reload}
          onReload={() => void state.reload()}
        />
        <SessionCheck
          result={results.session}
          running={running.has('session')}
          error={errors.session}
          onCompare={() => void state.compareSessions()}
          onGoToClear={() => document.querySelector<HTMLElement>('#check-clear button')?.focus()}
        />
        <CheckItem
          id="check-clear"
          title={t('stepClearSiteDataTitle')}
          why={t('stepClearSiteDataWhy')}
        >
          {plan ? (
            <ClearSiteData
              plan={plan}
              cookieDomain={state.cookieDomain.value}
              prepare={state.prepareClear}
              clear={state.clearSiteData}
              done={results.clear}
              asksForPermission
            />
          ) : (
            <p class="m-0 text-xs">{t('clearDataNothing')}</p>
          )}
        </CheckItem>
        <DnsCheck
          browser={state.browserName}
          os={os}
          copy={copy}
          result={results.dns}
          running={running.has('dns')}
          error={errors.dns}
          onLookUp={() => void state.lookUpAddress()}
        />
        <NetworkCheck
          pageUrl={pageUrl}
          qrAddress={qrAddress(pageUrl)}
          modules={state.qr.value}
          onToggle={() => void state.toggleQr()}
        />
        <StatusPageCheck
          result={results.statusPage}
          running={running.has('status-page')}
          error={errors['status-page']}
          onLook={() => void state.statusPage()}
        />
        <ArchiveCheck
          pageUrl={pageUrl}
          result={results.archive}
          running={running.has('archive')}
          error={errors.archive}
          onCheck={() => void state.archive()}
        />
        <CheckItem id="check-watch" title={t('stepWatchTitle')} why={t('stepWatchWhy')}>
          <WatchControl
            view={state.watch.value}
            onWatch={state.startWatch}
            onStop={state.stopWatch}
          />
        </CheckItem>
        <CheckItem
          id="check-report"
          title={t('stepReportOwnerTitle')}
          why={t('stepReportOwnerWhy')}
        >
          <CopyButton label="diagnosisCopyReport" text={state.ownerReport} copy={copy} />
        </CheckItem>
      </ol>
    </section>
  );
}
