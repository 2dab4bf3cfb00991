import type { ComponentChildren } from 'preact';
import { useT } from '../i18n';

export interface CheckItemProps {
  /** The list item's id, for moving to it from another check. */
  readonly id: string;
  readonly title: string;
  readonly why: string;
  readonly children: ComponentChildren;
}

/** One check of the popup's walk-through: what it is, why, then its button and what it found. */
export function CheckItem({ id, title, why, children }: CheckItemProps) {
  return (
    <li id={id} class="ps-1 marker:font-semibold">
      <div class="flex flex-col items-start gap-1">
        <h3 class="m-0 text-sm font-semibold">{title}</h3>
        <p class="m-0 text-xs text-slate-700 dark:text-slate-300">{why}</p>
        {children}
      </div>
    </li>
  );
}

export interface OutcomeProps {
  /** What the check found, in plain words; null before it ran. */
  readonly found: string | null;
  /** What that means for the next step. */
  readonly next?: string | undefined;
  readonly running: boolean;
  /** What is said while the check runs; "Checking…" unless the check has its own words. */
  readonly runningText?: string;
  /** Why the check's message never got through, as the browser said it: worded here, the same for every check. */
  readonly error?: string | undefined;
}

/** The live result of a check: read out when it arrives, and kept until the next run. */
export function Outcome({ found, next, running, runningText, error }: OutcomeProps) {
  const t = useT();
  return (
    <div role="status" class="flex flex-col gap-1 text-xs">
      {running ? (
        <p class="m-0">{runningText ?? t('checkRunning')}</p>
      ) : (
        <>
          {error && (
            <p class="m-0 text-red-800 dark:text-red-200">{t('checkCouldNotRun', error)}</p>
          )}
          {found && <p class="m-0 font-medium">{found}</p>}
          {found && next && <p class="m-0 text-slate-700 dark:text-slate-300">{next}</p>}
        </>
      )}
    </div>
  );
}
