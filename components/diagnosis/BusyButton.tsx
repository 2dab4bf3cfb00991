import { BUTTON } from './styles';

export interface BusyButtonProps {
  readonly label: string;
  /** What the button started is still running: pressing it again does nothing. */
  readonly busy: boolean;
  readonly onPress: () => void;
  /** BUTTON, or PRIMARY_BUTTON for the step to try first. */
  readonly class?: string;
}

/**
 * A button that starts something and says so while it runs. It stays focusable (aria-disabled, not disabled), so
 * a keyboard or screen-reader user keeps their place and hears that it is busy.
 * https://www.w3.org/WAI/ARIA/apg/practices/keyboard-interface/#focusabilityofdisabledcontrols
 */
export function BusyButton({ label, busy, onPress, class: className = BUTTON }: BusyButtonProps) {
  return (
    <button type="button" class={className} aria-disabled={busy} onClick={() => !busy && onPress()}>
      {label}
    </button>
  );
}
