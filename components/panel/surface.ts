/** The card and the notice: one surface, light or dark with the system, entering gently unless motion is reduced. */
export const PANEL_SURFACE =
  'rounded-xl border border-slate-300 bg-white text-slate-900 shadow-2xl outline-none motion-safe:animate-panel-in dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';
