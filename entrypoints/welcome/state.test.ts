import { describe, expect, it, vi } from 'vitest';
import { createWelcomeState } from './state';

/** A browser whose host access the test decides, and which reports changes the way permissions.onAdded would. */
function fakeAccess(initially: boolean, { answer = true, fails = false } = {}) {
  let granted = initially;
  let listener: ((granted: boolean) => void) | undefined;
  const stop = vi.fn();
  return {
    stop,
    change(now: boolean) {
      granted = now;
      listener?.(now);
    },
    deps: {
      hasAccess: async () => granted,
      requestAccess: vi.fn(async () => {
        if (fails)
          throw new Error('permissions.request may only be called from a user input handler');
        granted = answer;
        return answer;
      }),
      onAccessChanged: (follow: (granted: boolean) => void) => {
        listener = follow;
        return stop;
      },
    },
  };
}

describe('the welcome page’s host access', () => {
  it('is ready when access was granted at install', async () => {
    const state = createWelcomeState(fakeAccess(true).deps);
    expect(state.hostAccess.value.kind).toBe('checking');
    await state.load();
    expect(state.hostAccess.value.kind).toBe('ready');
  });

  it('asks, then says granted', async () => {
    const access = fakeAccess(false);
    const state = createWelcomeState(access.deps);
    await state.load();
    expect(state.hostAccess.value.kind).toBe('missing');
    const answered = state.request();
    // The prompt is requested in the same turn as the click, and the page says it is waiting.
    expect(access.deps.requestAccess).toHaveBeenCalledOnce();
    expect(state.hostAccess.value.kind).toBe('asking');
    await answered;
    expect(state.hostAccess.value.kind).toBe('granted');
  });

  it('says refused when the user declines or the browser will not ask', async () => {
    const declined = createWelcomeState(fakeAccess(false, { answer: false }).deps);
    await declined.load();
    await declined.request();
    expect(declined.hostAccess.value.kind).toBe('refused');

    const unasked = createWelcomeState(fakeAccess(false, { fails: true }).deps);
    await unasked.load();
    await unasked.request();
    expect(unasked.hostAccess.value.kind).toBe('refused');
  });

  it('follows access granted or withdrawn elsewhere while the page is open', async () => {
    const access = fakeAccess(false);
    const state = createWelcomeState(access.deps);
    await state.load();
    access.change(true);
    expect(state.hostAccess.value.kind).toBe('granted');
    access.change(false);
    expect(state.hostAccess.value.kind).toBe('missing');
  });

  it('keeps a change reported while it was still checking', async () => {
    const access = fakeAccess(false);
    const state = createWelcomeState(access.deps);
    const loading = state.load();
    access.change(true);
    await loading;
    expect(state.hostAccess.value.kind).toBe('ready');
  });

  it('stops following changes when disposed', () => {
    const access = fakeAccess(true);
    createWelcomeState(access.deps).dispose();
    expect(access.stop).toHaveBeenCalledOnce();
  });
});
