/** Class lists shared by the diagnosis view and the panel, so every control looks and focuses alike. */
export const FOCUS =
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400';

export const BUTTON = `inline-flex items-center gap-1 rounded-md border border-slate-400 bg-white px-2 py-1 text-xs font-medium text-slate-900 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700 ${FOCUS}`;

export const PRIMARY_BUTTON = `inline-flex items-center gap-1 rounded-md border border-blue-700 bg-blue-700 px-2 py-1 text-xs font-semibold text-white hover:bg-blue-800 dark:border-blue-300 dark:bg-blue-300 dark:text-slate-950 dark:hover:bg-blue-200 ${FOCUS}`;

export const ICON_BUTTON = `inline-flex size-7 items-center justify-center rounded-md text-base leading-none text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-700 ${FOCUS}`;

export const LINK = `rounded-sm text-xs font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900 dark:text-blue-300 dark:hover:text-blue-200 ${FOCUS}`;

/** For the one action that destroys something (clearing a site's data), after its confirmation. */
export const DANGER_BUTTON = `inline-flex items-center gap-1 rounded-md border border-red-700 bg-red-700 px-2 py-1 text-xs font-semibold text-white hover:bg-red-800 dark:border-red-300 dark:bg-red-300 dark:text-slate-950 dark:hover:bg-red-200 ${FOCUS}`;
