import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '@/lib/i18n/messages';
import { useT } from '../i18n';
import { BUTTON } from './styles';

export interface CopyButtonProps {
  readonly label: MessageKey;
  /** The text to copy, written when the button is pressed (a report's time is the time it is copied). */
  readonly text: () => string;
  /** Writes to the clipboard; false when the browser refused. */
  readonly copy: (text: string) => Promise<boolean>;
}

type CopyState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'copied' }
  | { readonly kind: 'failed'; readonly text: string };

/** Copies text, says so, and shows the text for copying by hand when the clipboard refuses. */
export function CopyButton({ label, text, copy }: CopyButtonProps) {
  const t = useT();
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const fallback = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state.kind === 'failed') fallback.current?.select();
  }, [state]);

  const onClick = async () => {
    const written = text();
    const copied = await copy(written).catch(() => false);
    setState(copied ? { kind: 'copied' } : { kind: 'failed', text: written });
  };

  return (
    <div class="flex flex-col gap-1">
      <div class="flex flex-wrap items-center gap-2">
        <button type="button" class={BUTTON} onClick={() => void onClick()}>
          {t(label)}
        </button>
        <span role="status" class="text-xs text-slate-600 dark:text-slate-300">
          {state.kind === 'copied' && t('diagnosisCopied')}
          {state.kind === 'failed' && t('diagnosisCopyFailed')}
        </span>
      </div>
      {state.kind === 'failed' && (
        <textarea
          ref={fallback}
          readOnly
          rows={4}
          aria-label={t(label)}
          class="w-full rounded-md border border-slate-400 bg-white p-2 font-mono text-xs text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
          value={state.text}
        />
      )}
    </div>
  );
}
