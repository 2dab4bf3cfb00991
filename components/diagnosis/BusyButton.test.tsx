// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BusyButton } from './BusyButton';

afterEach(cleanup);

describe('BusyButton', () => {
  it('starts its action, and while busy stays focusable, says so, and does nothing', () => {
    const press = vi.fn();
    const { rerender } = render(<BusyButton label="Look up" busy={false} onPress={press} />);
    const button = screen.getByRole('button', { name: 'Look up' });
    fireEvent.click(button);
    expect(press).toHaveBeenCalledOnce();
    rerender(<BusyButton label="Look up" busy onPress={press} />);
    button.focus();
    fireEvent.click(button);
    expect(press).toHaveBeenCalledOnce();
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(document.activeElement).toBe(button);
  });
});
