// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInEnglish } from '../diagnosis/test-support';
import { ReloadCheck, RetryCheck } from './RetryCheck';

afterEach(cleanup);
const at = Date.UTC(2026, 2, 1, 10, 0, 0);
const status = () => screen.getByRole('status').textContent ?? '';

describe('RetryCheck', () => {
  it('asks on a click, and says it is asking', () => {
    const onRetry = vi.fn();
    renderInEnglish(<RetryCheck result={undefined} running={false} onRetry={onRetry} />);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
    cleanup();
    renderInEnglish(<RetryCheck result={undefined} running onRetry={onRetry} />);
    expect(status()).toBe('Asking the site again…');
  });

  it.each([
    [
      { outcome: 'still-failing', statusCode: 504, time: at },
      /^Still failing at .+: the site answered 504\.Next: reload without the cache/,
    ],
    [
      { outcome: 'back', statusCode: 200, time: at },
      /^The site answered 200 at .+: it works again/,
    ],
    [
      { outcome: 'no-answer', error: 'TypeError', time: at },
      /^No answer at .+\.If other sites load/,
    ],
    [
      { outcome: 'refused-post' },
      /^Not asked again: this page is the answer to a form you sent\.Asking again would send the form again/,
    ],
    [{ outcome: 'nothing-to-retry' }, /no longer has a failed page/],
  ] as const)('says what %o means', (result, expected) => {
    renderInEnglish(<RetryCheck result={result} running={false} onRetry={() => undefined} />);
    expect(status()).toMatch(expected);
  });

  it('names the time a Retry-After asks for, instead of reloading at once', () => {
    const fiveMinutesLater = at + 5 * 60_000;
    const result = {
      outcome: 'still-failing',
      statusCode: 503,
      time: at,
      retryAfterAt: fiveMinutesLater,
    } as const;
    renderInEnglish(<RetryCheck result={result} running={false} onRetry={() => undefined} />);
    // As the visitor's clock writes it.
    const shown = new Date(fiveMinutesLater).toLocaleTimeString();
    expect(status()).toContain(`The site asks to be asked again after ${shown}`);
    expect(status()).not.toContain('reload without the cache');
  });

  it('says plainly when the check could not run', () => {
    renderInEnglish(
      <RetryCheck
        result={undefined}
        running={false}
        error="Could not establish connection."
        onRetry={() => undefined}
      />,
    );
    expect(status()).toBe(
      "This check did not finish: Gateway Doctor's background was stopped or could not be reached. Press its button again. (Details: Could not establish connection.)",
    );
  });
});

describe('ReloadCheck', () => {
  it('says when the tab was reloaded and what a failure after it means', () => {
    renderInEnglish(
      <ReloadCheck result={{ time: at }} running={false} onReload={() => undefined} />,
    );
    expect(status()).toMatch(
      /^Reloaded without the cache at .+\.If the page still fails, the copy your browser kept was not the cause/,
    );
  });
});
