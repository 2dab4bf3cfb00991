import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ClearSiteDataResult } from '@/lib/checks/results';
import type { SiteDataPlan } from '@/lib/checks/site-data';
import { useT } from '../i18n';
import { BUTTON, DANGER_BUTTON } from './styles';

export interface ClearSiteDataProps {
  /** What goes, in this browser (lib/checks/site-data.ts): the confirmation says exactly that. */
  readonly plan: SiteDataPlan;
  readonly clear: () => Promise<ClearSiteDataResult>;
  /** Chrome's registrable domain for the host, when the page around this could look it up (the popup can). */
  readonly cookieDomain?: string | null;
  /** Runs before the confirmation opens: the popup looks the domain up then. */
  readonly prepare?: () => Promise<void>;
  /** What clearing already did for this incident. */
  readonly done?: ClearSiteDataResult | undefined;
  /**
   * True on an extension page, whose `clear` asks the browser for browsingData first; the in-page panel cannot ask,
   * and its answer to a refusal sends the visitor to the toolbar button instead.
   */
  readonly asksForPermission?: boolean;
}

type Phase = 'idle' | 'confirming' | 'clearing';

/**
 * "Clear this site's data", behind a confirmation that names what goes in this browser, and that it signs the
 * visitor out. Focus moves into the confirmation when it opens and back to the button when it closes; Escape
 * closes it without clearing (and goes no further: in the panel, Escape would otherwise shrink the card).
 */
export function ClearSiteData({
  plan,
  clear,
  cookieDomain,
  prepare,
  done,
  asksForPermission = false,
}: ClearSiteDataProps) {
  const t = useT();
  const id = useId();
  const [phase, setPhase] = useState<Phase>('idle');
  const [result, setResult] = useState(done);
  const confirmation = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef(false);
  useEffect(() => {
    if (moveFocus.current) (confirmation.current ?? opener.current)?.focus();
  }, [phase]);
  useEffect(() => setResult(done), [done]);

  const close = () => {
    moveFocus.current = true;
    setPhase('idle');
  };
  const open = async () => {
    await prepare?.().catch(() => undefined);
    moveFocus.current = true;
    setPhase('confirming');
  };
  const confirm = async () => {
    moveFocus.current = false;
    setPhase('clearing');
    setResult(
      await clear().catch((error: unknown): ClearSiteDataResult => ({
        outcome: 'failed',
        error: String(error),
      })),
    );
    close();
  };

  const scope =
    plan.browser === 'chrome'
      ? [
          cookieDomain
            ? t('clearDataChromeCookies', cookieDomain)
            : t('clearDataChromeCookiesSite', plan.host),
          t('clearDataChromeStorage', plan.origin),
        ]
      : [
          t('clearDataFirefoxCookies', plan.host),
          t('clearDataFirefoxStorage', plan.host),
          t('clearDataFirefoxCache'),
        ];

  return (
    <div class="flex flex-col items-start gap-2">
      {phase !== 'confirming' && (
        <button
          type="button"
          class={BUTTON}
          ref={opener}
          aria-disabled={phase === 'clearing'}
          onClick={() => {
            if (phase === 'idle') void open();
          }}
        >
          {t('clearDataButton')}
        </button>
      )}
      {phase === 'confirming' && (
        <div
          ref={confirmation}
          role="group"
          aria-labelledby={`${id}-title`}
          tabIndex={-1}
          class="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-2 text-xs text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            close();
          }}
        >
          <p id={`${id}-title`} class="m-0 font-semibold">
            {t('clearDataConfirmTitle', plan.host)}
          </p>
          <ul class="m-0 flex list-disc flex-col gap-1 ps-4">
            {scope.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p class="m-0">{t('clearDataUntouched')}</p>
          <div class="flex flex-wrap gap-2">
            <button type="button" class={DANGER_BUTTON} onClick={() => void confirm()}>
              {t('clearDataConfirm')}
            </button>
            <button type="button" class={BUTTON} onClick={close}>
              {t('clearDataCancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" class="m-0 text-xs">
        {phase === 'clearing' && t('checkRunning')}
        {phase !== 'clearing' && result && clearedText(result, asksForPermission, t)}
      </p>
    </div>
  );
}

function clearedText(
  result: ClearSiteDataResult,
  askedForPermission: boolean,
  t: ReturnType<typeof useT>,
): string {
  switch (result.outcome) {
    case 'cleared':
      return t('clearDataCleared', new Date(result.time).toLocaleTimeString());
    case 'failed':
      return t('clearDataFailed', result.error);
    case 'nothing-to-clear':
      return t('clearDataNothing');
    case 'not-allowed':
      return t(askedForPermission ? 'clearDataNotAllowed' : 'clearDataNotAllowedPanel');
  }
}
