import type { Ref } from 'preact';
import type { Message } from '@/lib/i18n/messages';
import { useT } from '../i18n';
import { PRIMARY_BUTTON } from '../diagnosis/styles';
import { PanelHeader } from './PanelHeader';
import { PANEL_SURFACE } from './surface';

export interface ContentNoticeProps {
  /** The status, `500 Internal Server Error`. */
  readonly title: Message;
  readonly onDetails: () => void;
  readonly onCollapse: () => void;
  readonly onClose: () => void;
  readonly onKeyDown: (event: KeyboardEvent) => void;
  readonly focusRef?: Ref<HTMLElement>;
}

/** One sentence for a page that shows its content despite an error status, with the full explanation a click away. */
export function ContentNotice({
  title,
  onDetails,
  onCollapse,
  onClose,
  onKeyDown,
  focusRef,
}: ContentNoticeProps) {
  const t = useT();
  return (
    <aside
      ref={focusRef}
      tabIndex={-1}
      aria-label={t('panelLabel')}
      class={`flex w-[300px] max-w-[calc(100vw-32px)] flex-col ${PANEL_SURFACE}`}
      onKeyDown={onKeyDown}
    >
      <PanelHeader onCollapse={onCollapse} onClose={onClose} />
      <div class="flex flex-col items-start gap-2 px-4 py-3">
        <p class="text-sm">{t('panelNotice', t(title))}</p>
        <button type="button" class={PRIMARY_BUTTON} onClick={onDetails}>
          {t('panelNoticeDetails')}
        </button>
      </div>
    </aside>
  );
}
