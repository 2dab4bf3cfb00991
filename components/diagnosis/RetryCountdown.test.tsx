// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RetryCountdown } from './RetryCountdown';
import { renderInEnglish } from './test-support';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 2, 20, 22, 52, 42));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('RetryCountdown', () => {
  it('counts down to the time the site gave in Retry-After, then says the wait is over', () => {
    // Retry-After: 120 (RFC 9110 delay-seconds), received now.
    renderInEnglish(<RetryCountdown at={Date.now() + 120_000} />);
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('The site asked to wait: 2:00 left');
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(timer.textContent).toBe('The site asked to wait: 1:59 left');
    act(() => {
      vi.advanceTimersByTime(119_000);
    });
    expect(timer.textContent).toBe('The wait the site asked for is over.');
  });

  it('stops its timer when it goes away', () => {
    const started = vi.spyOn(globalThis, 'setInterval');
    const stopped = vi.spyOn(globalThis, 'clearInterval');
    const { unmount } = renderInEnglish(<RetryCountdown at={Date.now() + 60_000} />);
    expect(started).toHaveBeenCalledTimes(1);
    unmount();
    // Preact runs the effect's cleanup after the unmount has painted.
    vi.advanceTimersByTime(100);
    expect(stopped).toHaveBeenCalledWith(started.mock.results[0]?.value);
  });
});
