import { useEffect, useRef, useState } from 'preact/hooks';
import type { Diagnosis } from '@/lib/diagnosis/types';
import type { DiagnosisActions } from '../diagnosis/StepAction';
import type { OperatingSystem } from '../diagnosis/operating-system';
import { ContentNotice } from './ContentNotice';
import { PanelCard } from './PanelCard';
import { PanelPill } from './PanelPill';

/**
 * `card` over an error page; `notice` over a page that rendered real content despite its error status, where a
 * card would cover what the visitor came for.
 */
export type PanelMode = 'card' | 'notice';

type PanelView = 'card' | 'notice' | 'pill' | 'closed';

export interface PanelProps {
  readonly diagnosis: Diagnosis;
  readonly pageUrl: string;
  readonly mode: PanelMode;
  readonly os: OperatingSystem;
  readonly actions: DiagnosisActions;
  /** "Don't show on this site". */
  readonly onIgnoreSite: () => void;
  /** Closed for this page; the panel renders nothing after it. */
  readonly onClose: () => void;
  readonly now?: () => number;
}

/**
 * The panel's shell: a card, a notice or a pill, in a corner. It never takes focus by itself; once the visitor moves
 * between the card and the pill, focus follows to what replaced the control they used. Escape shrinks it to the pill.
 */
export function Panel({ mode, onIgnoreSite, onClose, ...content }: PanelProps) {
  const [view, setView] = useState<PanelView>(mode);
  const focusNext = useRef(false);
  const pill = useRef<HTMLButtonElement>(null);
  const card = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    (view === 'pill' ? pill.current : card.current)?.focus();
  }, [view]);

  const show = (next: PanelView) => {
    focusNext.current = true;
    setView(next);
  };
  const close = () => {
    setView('closed');
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || view === 'pill') return;
    event.stopPropagation();
    show('pill');
  };

  switch (view) {
    case 'closed':
      return null;
    case 'pill':
      return (
        <PanelPill focusRef={pill} title={content.diagnosis.title} onExpand={() => show('card')} />
      );
    case 'notice':
      return (
        <ContentNotice
          focusRef={card}
          title={content.diagnosis.title}
          onDetails={() => show('card')}
          onCollapse={() => show('pill')}
          onClose={close}
          onKeyDown={onKeyDown}
        />
      );
    case 'card':
      return (
        <PanelCard
          focusRef={card}
          {...content}
          onCollapse={() => show('pill')}
          onClose={close}
          onIgnoreSite={() => {
            onIgnoreSite();
            close();
          }}
          onKeyDown={onKeyDown}
        />
      );
  }
}
