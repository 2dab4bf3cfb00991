import { afterEach, describe, expect, it, vi } from 'vitest';
import { INJECTION_TIMEOUT_MS, injectPanel, readPage } from './page-access';

type Scripting = Parameters<typeof injectPanel>[1];
const scripting = (executeScript: () => Promise<unknown>) =>
  ({ executeScript }) as never as Scripting;

afterEach(() => vi.useRealTimers());

describe('injecting into a failed page', () => {
  it('tells Chrome’s error page, where no script runs, from other refusals', async () => {
    const refuse = (message: string) => scripting(() => Promise.reject(new Error(message)));
    expect(await injectPanel(1, refuse('Frame with ID 0 is showing error page'))).toBe(
      'error-page',
    );
    expect(await injectPanel(1, refuse('No tab with id: 1'))).toBe('failed');
    expect(
      await injectPanel(
        1,
        scripting(async () => [{ frameId: 0 }]),
      ),
    ).toBe('injected');
    expect(await readPage(1, refuse('Frame with ID 0 is showing error page'))).toEqual({
      kind: 'error-page',
    });
  });

  it('gives up on an injection that never settles (Firefox, a page reloading meanwhile)', async () => {
    vi.useFakeTimers();
    const never = scripting(() => new Promise(() => {}));
    const injection = injectPanel(1, never);
    const reading = readPage(1, never);
    await vi.advanceTimersByTimeAsync(INJECTION_TIMEOUT_MS);
    expect(await injection).toBe('failed');
    expect(await reading).toMatchObject({ kind: 'unreadable' });
  });
});
