// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProbeResult, SessionComparison } from '@/lib/checks/results';
import { renderInEnglish } from '../diagnosis/test-support';
import { SessionCheck } from './SessionCheck';

afterEach(cleanup);
const ok: ProbeResult = { outcome: 'back', statusCode: 200, time: 1 };
const bad: ProbeResult = { outcome: 'still-failing', statusCode: 502, time: 1 };
const silent: ProbeResult = { outcome: 'no-answer', error: 'TypeError', time: 1 };
const compared = (withCookies: ProbeResult, withoutCookies: ProbeResult): SessionComparison => ({
  outcome: 'compared',
  withCookies,
  withoutCookies,
});

describe('SessionCheck', () => {
  it('blames the session when only the clean request works, and offers step 4', () => {
    const onGoToClear = vi.fn();
    renderInEnglish(
      <SessionCheck
        result={compared(bad, ok)}
        running={false}
        onCompare={() => undefined}
        onGoToClear={onGoToClear}
      />,
    );
    const status = screen.getByRole('status').textContent ?? '';
    expect(status).toContain('With your cookies: 502. Without them: 200.');
    expect(status).toContain('oversized cookie headers are a known one');
    fireEvent.click(screen.getByRole('button', { name: 'Go to step 4' }));
    expect(onGoToClear).toHaveBeenCalledOnce();
  });

  it.each([
    [compared(bad, bad), 'your session is not the cause'],
    [compared(ok, ok), 'the site works again'],
    [compared(ok, bad), 'your session is not the problem'],
    [compared(silent, ok), 'With your cookies: no answer. Without them: 200.'],
    [{ outcome: 'refused-post' } as const, 'a form you sent'],
  ])('says what %o means, and offers no clearing', (result, expected) => {
    renderInEnglish(
      <SessionCheck
        result={result}
        running={false}
        onCompare={() => undefined}
        onGoToClear={() => undefined}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain(expected);
    expect(screen.queryByRole('button', { name: 'Go to step 4' })).toBeNull();
  });
});
