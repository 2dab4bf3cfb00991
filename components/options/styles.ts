import { FOCUS } from '../welcome/styles';

/** The options page's controls: page-sized (the panel's are smaller), the same focus ring as the welcome page. */
export const BUTTON = `rounded-md border border-slate-500 bg-white px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-100 dark:border-slate-400 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700 ${FOCUS}`;

export const DANGER_BUTTON = `rounded-md border border-red-700 bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800 dark:border-red-300 dark:bg-red-300 dark:text-slate-950 dark:hover:bg-red-200 ${FOCUS}`;

export const FIELD = `rounded-md border border-slate-500 bg-white px-2 py-1.5 text-slate-900 dark:border-slate-400 dark:bg-slate-800 dark:text-slate-100 ${FOCUS}`;

/** A setting's one-line explanation, under its label. */
export const HINT = 'm-0 text-sm text-slate-700 dark:text-slate-300';

export const SECTION =
  'flex flex-col gap-4 rounded-lg border border-slate-300 p-5 dark:border-slate-600';

export const HEADING = 'm-0 text-lg font-semibold';

export { FOCUS };
