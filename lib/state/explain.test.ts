import { describe, expect, it, vi } from 'vitest';
import type { send, TabReport } from '../platform/messages';
import { createExplainState } from './explain';

const URL_ = 'https://shop.example/cart';
const report = { tabId: 4, incident: { url: URL_ } } as unknown as TabReport;

/** A background that answers each verb as the test says, and records what it was sent. */
function background(answers: Record<string, unknown>) {
  const sent: [string, unknown][] = [];
  const sendMessage = vi.fn(async (verb: string, data: unknown) => {
    sent.push([verb, data]);
    return answers[verb];
  }) as unknown as typeof send;
  return { sent, sendMessage };
}

describe('the explanation page’s state', () => {
  it('shows the named tab’s report, and says so when the tab has none', async () => {
    const { sendMessage, sent } = background({
      tabReport: report,
      watchStatus: { kind: 'idle', fromForm: false },
    });
    const state = createExplainState(new URLSearchParams('tabId=4'), { sendMessage });
    await state.load();
    expect(state.view.value).toEqual({ kind: 'report', report });
    expect(sent).toEqual([
      ['tabReport', { tabId: 4 }],
      ['watchStatus', { tabId: 4 }],
    ]);
    const none = background({ tabReport: null });
    const empty = createExplainState(new URLSearchParams('tabId=4'), none);
    await empty.load();
    expect(empty.view.value).toEqual({ kind: 'nothing' });
    // A page opened without a tab asks nothing.
    const unnamed = background({});
    await createExplainState(new URLSearchParams(''), unnamed).load();
    expect(unnamed.sent).toEqual([]);
  });

  it('returns to the page only once the site answers', async () => {
    const goTo = vi.fn();
    const idle = { kind: 'idle', fromForm: false };
    const still = background({
      tabReport: report,
      watchStatus: idle,
      retry: { outcome: 'still-failing' },
    });
    const failing = createExplainState(new URLSearchParams('tabId=4'), { ...still, goTo });
    await failing.load();
    await failing.retry();
    expect(goTo).not.toHaveBeenCalled();
    const back = background({ tabReport: report, watchStatus: idle, retry: { outcome: 'back' } });
    const recovered = createExplainState(new URLSearchParams('tabId=4'), { ...back, goTo });
    await recovered.load();
    await recovered.retry();
    expect(goTo).toHaveBeenCalledExactlyOnceWith(URL_);
  });

  it('asks for browsingData from the confirmation’s click, before the background is asked to clear', async () => {
    const order: string[] = [];
    const { sendMessage } = background({ clearSiteData: { outcome: 'cleared', time: 1 } });
    const requestPermission = vi.fn(async (name: string) => {
      order.push(`ask ${name}`);
      return true;
    });
    const state = createExplainState(new URLSearchParams('tabId=4'), {
      sendMessage: ((verb: string, data: unknown) => {
        order.push(verb);
        return sendMessage(verb as never, data as never);
      }) as typeof send,
      requestPermission,
    });
    const clearing = state.clearSiteData();
    expect(requestPermission).toHaveBeenCalledExactlyOnceWith('browsingData');
    expect(await clearing).toEqual({ outcome: 'cleared', time: 1 });
    expect(order).toEqual(['ask browsingData', 'clearSiteData']);
  });

  it('asks for notifications when the watch starts, if the background said none would show', async () => {
    const { sendMessage } = background({
      tabReport: report,
      watchStatus: { kind: 'idle', fromForm: false, notificationBlocked: true },
      // Already back by the time it is asked: no follow-up asking to wait for.
      watch: { kind: 'back', fromForm: false, at: 1 },
    });
    const requestPermission = vi.fn(async () => false);
    const state = createExplainState(new URLSearchParams('tabId=4'), {
      sendMessage,
      requestPermission,
    });
    await state.load();
    const starting = state.startWatch();
    expect(requestPermission).toHaveBeenCalledExactlyOnceWith('notifications');
    await starting;
    expect(state.watch.value).toMatchObject({ kind: 'back' });
  });
});
