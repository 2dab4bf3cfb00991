import { clockTime, watchStatusMessage, type WatchView } from '@/lib/watch/watch';
import { useT } from '../i18n';
import { BUTTON, PRIMARY_BUTTON } from './styles';

export interface WatchControlProps {
  /** What the background last said about watching the page; null until it has answered. */
  readonly view: WatchView | null;
  readonly onWatch: () => void;
  readonly onStop: () => void;
  /** Hours and minutes for "next check at", in the visitor's locale unless told otherwise. */
  readonly formatTime?: (at: number) => string;
}

/**
 * "Tell me when it's back": the button that starts a watch, then what the watch is doing, with a way to stop it.
 * Props in, callbacks out: the page around it asks the background and passes the answer in.
 */
export function WatchControl({
  view,
  onWatch,
  onStop,
  formatTime = (at) => clockTime(at),
}: WatchControlProps) {
  const t = useT();
  const state = view ?? { kind: 'idle', fromForm: false };
  const status = watchStatusMessage(state, formatTime);
  let said = status ? t(status) : '';
  let action: [label: string, onClick: () => void, primary: boolean] | null = [
    t('watchStart'),
    onWatch,
    true,
  ];
  switch (state.kind) {
    case 'watching':
      action = [t('watchStop'), onStop, false];
      break;
    case 'back':
      action = null;
      break;
    case 'gave-up':
      action = [t('watchAgain'), onWatch, false];
      break;
    case 'refused':
      said = t(state.reason === 'private-window' ? 'watchRefusedPrivate' : 'watchRefusedNothing');
      action = null;
      break;
    case 'cap':
      said = t('watchCap', state.max);
  }
  return (
    <div class="flex flex-col items-start gap-1">
      {action && (
        <button type="button" class={action[2] ? PRIMARY_BUTTON : BUTTON} onClick={action[1]}>
          {action[0]}
        </button>
      )}
      <p role="status" class="m-0 text-xs">
        {said}
      </p>
      {state.kind === 'watching' && state.notificationBlocked && (
        <p class="m-0 text-xs text-slate-700 dark:text-slate-300">
          {t('watchNotificationBlocked')}
        </p>
      )}
      {'fromForm' in state && state.fromForm && (
        <p class="m-0 text-xs text-slate-700 dark:text-slate-300">{t('watchFromForm')}</p>
      )}
    </div>
  );
}
