import type { RetryCheck } from '@/components/diagnosis/RetryButton';
import type { DiagnosisActions } from '@/components/diagnosis/StepAction';
import { siteDataPlan, type BrowserName } from '@/lib/checks/site-data';
import type { PanelReport, RetryResult, send as sendMessage } from '@/lib/platform/messages';

export interface ActionDeps {
  readonly send: typeof sendMessage;
  readonly copy: (text: string) => Promise<boolean>;
  readonly browserName?: BrowserName;
}

/** The panel's actions: each one a message to the background, which acts on this tab only (the watch's live
 * state is wired in the panel's entrypoint). */
export function panelActions(
  report: Pick<PanelReport, 'incident' | 'ownerReport'>,
  { send, copy, browserName = import.meta.env.FIREFOX ? 'firefox' : 'chrome' }: ActionDeps,
): Required<Omit<DiagnosisActions, 'clearSiteData' | 'watch'>> &
  Pick<DiagnosisActions, 'clearSiteData'> {
  // The background acts on this tab; if it cannot, there is nothing better the panel could do.
  const reload = (bypassCache: boolean) =>
    void send('reloadTab', { bypassCache }).catch(() => undefined);
  // The background clears this tab's own site; what goes is planned here only to say it before it happens.
  const plan = siteDataPlan(report.incident.url, browserName);
  return {
    ...(plan && { clearSiteData: { plan, clear: () => send('clearSiteData', {}) } }),
    retry: async () => {
      const check = retryCheckOf(await send('retry', {}));
      if (check.kind === 'back') reload(false);
      return check;
    },
    reload,
    copy,
    ownerReport: () => report.ownerReport,
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
