import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { send } from '../platform/messages';
import type { WatchView } from '../watch/watch';
import { createWatchClient, WATCH_STATUS_MAX_WAIT_MS } from './watch';

const NOW = Date.UTC(2026, 2, 20, 22, 52, 42);

/** A background that answers each verb with the next view the test queued for it. */
function background(answers: WatchView[]) {
  const asked: [string, unknown][] = [];
  const sendMessage = vi.fn(async (verb: string, data: unknown) => {
    asked.push([verb, data]);
    const answer = answers.shift();
    if (!answer) throw new Error('Could not establish connection. Receiving end does not exist.');
    return answer;
  }) as unknown as typeof send;
  return { asked, sendMessage };
}

const watching = (nextAt: number | null, paused = false): WatchView => ({
  kind: 'watching',
  fromForm: false,
  nextAt,
  paused,
});

const blockedWatching: WatchView = {
  kind: 'watching',
  fromForm: false,
  nextAt: NOW + 40_000,
  paused: false,
  notificationBlocked: true,
};

describe('createWatchClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('asks for the tab it was given, and shows each answer', async () => {
    const { asked, sendMessage } = background([{ kind: 'idle', fromForm: false }, watching(null)]);
    const shown: WatchView[] = [];
    const client = createWatchClient({ tabId: 7 }, (view) => shown.push(view), { sendMessage });
    await client.refresh();
    await client.start();
    expect(asked).toEqual([
      ['watchStatus', { tabId: 7 }],
      ['watch', { tabId: 7 }],
    ]);
    expect(shown.map((view) => view.kind)).toEqual(['idle', 'watching']);
    client.dispose();
  });

  it('asks for notifications from the click that starts it, when the background said none would show', async () => {
    const blocked = { kind: 'idle', fromForm: false, notificationBlocked: true } as const;
    const { asked, sendMessage } = background([blocked, blockedWatching, watching(NOW + 40_000)]);
    const requestNotifications = vi.fn(async () => true);
    const shown: WatchView[] = [];
    const client = createWatchClient({}, (view) => shown.push(view), {
      sendMessage,
      requestNotifications,
    });
    await client.refresh();
    const starting = client.start();
    expect(requestNotifications).toHaveBeenCalledOnce();
    await starting;
    // Granted: the background is asked again, and no longer says a notification will not show.
    expect(asked.map(([verb]) => verb)).toEqual(['watchStatus', 'watch', 'watchStatus']);
    expect(shown.at(-1)).toEqual(watching(NOW + 40_000));
    client.dispose();
  });

  it('asks for nothing when a notification would show, or when the user refuses', async () => {
    const requestNotifications = vi.fn(async () => false);
    const first = background([{ kind: 'idle', fromForm: false }, watching(NOW + 40_000)]);
    const client = createWatchClient({}, () => undefined, {
      sendMessage: first.sendMessage,
      requestNotifications,
    });
    await client.refresh();
    await client.start();
    expect(requestNotifications).not.toHaveBeenCalled();
    client.dispose();

    const second = background([
      { kind: 'idle', fromForm: false, notificationBlocked: true },
      blockedWatching,
    ]);
    const refused = createWatchClient({}, () => undefined, {
      sendMessage: second.sendMessage,
      requestNotifications,
    });
    await refused.refresh();
    await refused.start();
    expect(requestNotifications).toHaveBeenCalledOnce();
    expect(second.asked.map(([verb]) => verb)).toEqual(['watchStatus', 'watch']);
    refused.dispose();
  });

  it('asks again just after the next attempt is due while the watch runs, and stops asking once it ends', async () => {
    const { asked, sendMessage } = background([
      watching(NOW + 40_000),
      watching(NOW + 100_000),
      { kind: 'back', fromForm: false, at: NOW + 100_000 },
    ]);
    const shown: WatchView[] = [];
    createWatchClient({}, (view) => shown.push(view), { sendMessage }).start();
    await vi.advanceTimersByTimeAsync(41_000);
    expect(asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(asked.map(([verb]) => verb)).toEqual(['watch', 'watchStatus']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(10 * WATCH_STATUS_MAX_WAIT_MS);
    expect(asked).toHaveLength(3);
    expect(shown.at(-1)?.kind).toBe('back');
  });

  it('asks at least once a minute, and every half minute and a bit while paused', async () => {
    const { asked, sendMessage } = background([
      watching(NOW + 60 * 60_000),
      watching(null, true),
      watching(null, true),
    ]);
    createWatchClient({}, () => undefined, { sendMessage }).refresh();
    await vi.advanceTimersByTimeAsync(WATCH_STATUS_MAX_WAIT_MS);
    expect(asked).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(32_000);
    expect(asked).toHaveLength(3);
  });

  it('follows a view the page already has without asking, until the next attempt is due', async () => {
    const { asked, sendMessage } = background([{ kind: 'idle', fromForm: false }]);
    const shown: WatchView[] = [];
    const client = createWatchClient({}, (view) => shown.push(view), { sendMessage });
    client.follow(watching(NOW + 5_000));
    expect(shown).toEqual([watching(NOW + 5_000)]);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(7_000);
    expect(asked).toEqual([['watchStatus', {}]]);
    expect(shown.at(-1)).toEqual({ kind: 'idle', fromForm: false });
  });

  it('keeps the last view when the background does not answer, and stops asking once disposed', async () => {
    const { asked, sendMessage } = background([watching(NOW + 10_000)]);
    const shown: WatchView[] = [];
    const client = createWatchClient({}, (view) => shown.push(view), { sendMessage });
    await client.refresh();
    await client.stop();
    expect(shown).toEqual([watching(NOW + 10_000)]);
    client.dispose();
    await vi.advanceTimersByTimeAsync(10 * WATCH_STATUS_MAX_WAIT_MS);
    expect(asked).toHaveLength(2);
  });
});
