import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n';
import { FOCUS } from './styles';

/**
 * Where the page stands on host access: still checking, granted from the start (`ready`), withheld (`missing`), the
 * browser's prompt open (`asking`), or the user's answer to it.
 */
export type HostAccessView =
  | { readonly kind: 'checking' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'asking' }
  | { readonly kind: 'granted' }
  | { readonly kind: 'refused' };

export interface HostAccessRequestProps {
  readonly view: HostAccessView;
  /** Must reach the browser's permission request in the same click, before any `await`. */
  readonly onRequest: () => void;
}

/** Asks for access to all sites when it is withheld, and says what came of it. */
export function HostAccessRequest({ view, onRequest }: HostAccessRequestProps) {
  const t = useT();
  const outcome = useRef<HTMLParagraphElement>(null);
  // The button goes away once access is granted: keep keyboard focus on the answer rather than losing it.
  useEffect(() => {
    if (view.kind === 'granted') outcome.current?.focus();
  }, [view.kind]);

  if (view.kind === 'checking') return null;
  if (view.kind === 'ready') {
    return (
      <p
        role="status"
        class="rounded-lg bg-emerald-50 p-4 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
      >
        {t('welcomeReady')}
      </p>
    );
  }
  const asking = view.kind === 'asking';
  const granted = view.kind === 'granted';
  return (
    <section
      aria-labelledby="welcome-host-access"
      class={`flex flex-col gap-3 rounded-lg border-2 p-4 text-slate-900 dark:bg-slate-800 dark:text-slate-100 ${
        granted
          ? 'border-emerald-700 bg-emerald-50 dark:border-emerald-400'
          : 'border-blue-700 bg-blue-50 dark:border-blue-300'
      }`}
    >
      <h2 id="welcome-host-access" class="m-0 text-lg font-semibold">
        {t(granted ? 'welcomeHostAccessGrantedHeading' : 'welcomeHostAccessHeading')}
      </h2>
      {!granted && (
        <>
          <p class="m-0">{t('welcomeHostAccessMissing')}</p>
          <div>
            <button
              type="button"
              aria-disabled={asking}
              onClick={() => {
                if (!asking) onRequest();
              }}
              class={`rounded-md border border-blue-700 bg-blue-700 px-4 py-2 text-base font-semibold text-white hover:bg-blue-800 aria-disabled:cursor-wait aria-disabled:opacity-70 motion-safe:transition-colors dark:border-blue-300 dark:bg-blue-300 dark:text-slate-950 dark:hover:bg-blue-200 ${FOCUS}`}
            >
              {t('welcomeHostAccessButton')}
            </button>
          </div>
        </>
      )}
      {/* Always present, so screen readers announce the answer when it arrives. */}
      <p ref={outcome} tabIndex={-1} role="status" class={`m-0 font-medium ${FOCUS}`}>
        {asking && t('welcomeHostAccessAsking')}
        {granted && t('welcomeHostAccessGranted')}
        {view.kind === 'refused' && t('welcomeHostAccessRefused')}
      </p>
    </section>
  );
}
