// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RetryButton, type RetryCheck } from './RetryButton';
import { renderInEnglish } from './test-support';

afterEach(cleanup);

describe('RetryButton', () => {
  it('says it is asking, then what the site answered', async () => {
    let answer: (check: RetryCheck) => void = () => undefined;
    const retry = vi.fn(() => new Promise<RetryCheck>((resolve) => (answer = resolve)));
    renderInEnglish(<RetryButton retry={retry} />);
    const button = screen.getByRole('button', { name: 'Try again' });
    fireEvent.click(button);
    expect(screen.getByRole('status').textContent).toBe('Asking the site again…');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(retry).toHaveBeenCalledTimes(1);
    answer({ kind: 'still-failing', statusCode: 504 });
    expect(await screen.findByText('Still failing: the site answered 504 again.')).toBeTruthy();
    expect(button.getAttribute('aria-disabled')).toBe('false');
  });

  it.each([
    [{ kind: 'back' } as const, 'The site answers again. Reloading the page…'],
    [{ kind: 'no-answer' } as const, 'No answer this time: the site did not respond.'],
    [{ kind: 'refused-post' } as const, /came from a form/],
  ])('tells the visitor about %o', async (check, text) => {
    renderInEnglish(<RetryButton retry={async () => check} />);
    fireEvent.click(screen.getByRole('button'));
    expect(await screen.findByText(text)).toBeTruthy();
  });

  it('takes a failed request to the background for no answer', async () => {
    renderInEnglish(
      <RetryButton retry={() => Promise.reject(new Error('Receiving end does not exist.'))} />,
    );
    fireEvent.click(screen.getByRole('button'));
    expect(await screen.findByText(/No answer this time/)).toBeTruthy();
  });
});
