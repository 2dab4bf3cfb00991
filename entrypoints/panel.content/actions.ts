import type { RetryCheck } from '@/components/diagnosis/RetryButton';
import type { DiagnosisActions } from '@/components/diagnosis/StepAction';
import { siteDataPlan, type BrowserName } from '@/lib/checks/site-data';
import { ownerReport } from '@/lib/diagnosis/report';
import type { Diagnosis, Observation } from '@/lib/diagnosis/types';
import type { Translate } from '@/lib/i18n/messages';
import type { RetryResult, send as sendMessage } from '@/lib/platform/messages';

export interface ActionDeps {
  readonly send: typeof sendMessage;
  readonly copy: (text: string) => Promise<boolean>;
  readonly translate: Translate;
  readonly locale: string;
  readonly timeZone: string;
  readonly now?: () => number;
  readonly browserName?: BrowserName;
}

/** The panel's actions: each one a message to the background, which acts on this tab only (the watch's live
 * state is wired in the panel's entrypoint). */
export function panelActions(
  diagnosis: Diagnosis,
  page: Observation,
  {
    send,
    copy,
    translate,
    locale,
    timeZone,
    now = Date.now,
    browserName = import.meta.env.FIREFOX ? 'firefox' : 'chrome',
  }: ActionDeps,
): Required<Omit<DiagnosisActions, 'clearSiteData' | 'watch'>> & Pick<DiagnosisActions, 'clearSiteData'> {
  // The background acts on this tab; if it cannot, there is nothing better the panel could do.
  const reload = (bypassCache: boolean) =>
    void send('reloadTab', { bypassCache }).catch(() => undefined);
  // The background clears this tab's own site; what goes is planned here only to say it before it happens.
  const plan = siteDataPlan(page.url, browserName);
  return {
    ...(plan && { clearSiteData: { plan, clear: () => send('clearSiteData', {}) } }),
    retry: async () => {
      const check = retryCheckOf(await send('retry', {}));
      if (check.kind === 'back') reload(false);
      return check;
    },
    reload,
    copy,
    ownerReport: () =>
      ownerReport(
        diagnosis,
        page,
        { now: now(), timeZone, locale, tried: [], includePrivate: false },
        translate,
      ),
  };
}

function retryCheckOf(result: RetryResult): RetryCheck {
  switch (result.outcome) {
    // With nothing to ask again (the tab's record is gone), a plain reload is all there is.
    case 'back':
    case 'nothing-to-retry':
      return { kind: 'back' };
    case 'still-failing':
      return { kind: 'still-failing', statusCode: result.statusCode };
    case 'no-answer':
      return { kind: 'no-answer' };
    case 'refused-post':
      return { kind: 'refused-post' };
  }
}
