import type { Ref } from 'preact';
import type { Message } from '@/lib/i18n/messages';
import { useT } from '../i18n';
import { FOCUS } from '../diagnosis/styles';

export interface PanelPillProps {
  /** The status, `502 Bad Gateway`. */
  readonly title: Message;
  readonly onExpand: () => void;
  readonly focusRef?: Ref<HTMLButtonElement>;
}

/** The panel shrunk to one button in the corner, still a landmark so it can be found again. */
export function PanelPill({ title, onExpand, focusRef }: PanelPillProps) {
  const t = useT();
  return (
    <aside aria-label={t('panelLabel')}>
      <button
        ref={focusRef}
        type="button"
        aria-expanded="false"
        class={`flex items-center gap-2 rounded-full border border-red-800 bg-white px-3 py-2 text-sm font-semibold text-slate-900 shadow-lg hover:bg-red-50 dark:border-red-400 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 ${FOCUS}`}
        onClick={onExpand}
      >
        <span class="size-2 shrink-0 rounded-full bg-red-700 dark:bg-red-400" aria-hidden="true" />
        {t('panelExpand', t(title))}
      </button>
    </aside>
  );
}
