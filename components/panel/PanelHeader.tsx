import { useT } from '../i18n';
import { ICON_BUTTON } from '../diagnosis/styles';

export interface PanelHeaderProps {
  readonly onCollapse: () => void;
  readonly onClose: () => void;
}

/** The panel's name, and its minimise and close buttons. */
export function PanelHeader({ onCollapse, onClose }: PanelHeaderProps) {
  const t = useT();
  return (
    <header class="flex items-center gap-1 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
      <span class="flex-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
        {t('extName')}
      </span>
      <button
        type="button"
        class={ICON_BUTTON}
        aria-label={t('panelCollapse')}
        title={t('panelCollapse')}
        onClick={onCollapse}
      >
        <span aria-hidden="true">–</span>
      </button>
      <button
        type="button"
        class={ICON_BUTTON}
        aria-label={t('panelDismiss')}
        title={t('panelDismiss')}
        onClick={onClose}
      >
        <span aria-hidden="true">×</span>
      </button>
    </header>
  );
}
