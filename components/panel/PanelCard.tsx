import type { Ref } from 'preact';
import { useT } from '../i18n';
import { DiagnosisView, type DiagnosisViewProps } from '../diagnosis/DiagnosisView';
import { BUTTON } from '../diagnosis/styles';
import { PanelHeader } from './PanelHeader';
import { PANEL_SURFACE } from './surface';

export interface PanelCardProps extends DiagnosisViewProps {
  readonly onCollapse: () => void;
  readonly onClose: () => void;
  readonly onIgnoreSite: () => void;
  readonly onKeyDown: (event: KeyboardEvent) => void;
  readonly focusRef?: Ref<HTMLElement>;
}

/** The full explanation in a card: scrolls inside itself, never past the viewport. */
export function PanelCard({
  onCollapse,
  onClose,
  onIgnoreSite,
  onKeyDown,
  focusRef,
  ...view
}: PanelCardProps) {
  const t = useT();
  return (
    <aside
      ref={focusRef}
      tabIndex={-1}
      aria-label={t('panelLabel')}
      class={`flex max-h-[min(560px,calc(100vh-32px))] w-[360px] max-w-[calc(100vw-32px)] flex-col ${PANEL_SURFACE}`}
      onKeyDown={onKeyDown}
    >
      <PanelHeader onCollapse={onCollapse} onClose={onClose} />
      <div class="min-h-0 flex-1 overflow-y-auto px-4 py-3">
        <DiagnosisView {...view} />
      </div>
      <footer class="border-t border-slate-200 px-4 py-2 dark:border-slate-700">
        <button type="button" class={BUTTON} onClick={onIgnoreSite}>
          {t('panelIgnoreSite')}
        </button>
      </footer>
    </aside>
  );
}
