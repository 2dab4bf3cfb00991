import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { send } from '../platform/messages';
import { watchesItem } from '../platform/watches';
import { startWatch, type Watch } from '../watch/watch';
import { createWatchList } from './watch-list';

const START = Date.UTC(2026, 2, 20, 22, 52, 42);
/** Lets storage.onChanged listeners run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function watching(id: string, url: string, now = START): Watch {
  const { result } = startWatch(
    [],
    { id, url, tabId: 3, fromForm: false, retryAfterAt: null, giveUpMinutes: 120, now },
    0,
  );
  if (result.kind === 'cap') throw new Error('capped');
  return result.watch;
}

describe('the options page’s list of watches', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lists what is stored, running watches first, and drops what is not a watch', async () => {
    const back = {
      ...watching('b', 'https://b.example/'),
      status: 'back' as const,
      endedAt: START,
    };
    await fakeBrowser.storage.local.set({
      watches: [back, { id: 'broken' }, watching('a', 'https://a.example/')],
    });
    const list = createWatchList();
    expect(list.watches.value).toBeNull();
    await list.load();
    expect(list.watches.value?.map((w) => w.id)).toEqual(['a', 'b']);
  });

  it('is empty, not missing, when nothing is watched', async () => {
    const list = createWatchList();
    await list.load();
    expect(list.watches.value).toEqual([]);
  });

  it('follows storage while the page is open, and stops when disposed', async () => {
    const list = createWatchList();
    await list.load();
    await watchesItem.setValue([watching('a', 'https://a.example/')]);
    await settle();
    expect(list.watches.value?.map((w) => w.id)).toEqual(['a']);
    list.dispose();
    await watchesItem.setValue([]);
    await settle();
    expect(list.watches.value?.map((w) => w.id)).toEqual(['a']);
  });

  it('stops a watch by its id through the background, and says what came of it', async () => {
    const sendMessage = vi.fn(async () => true) as never as typeof send;
    const list = createWatchList({ sendMessage });
    const watch = watching('a', 'https://a.example/');
    await list.stop(watch);
    expect(sendMessage).toHaveBeenCalledExactlyOnceWith('unwatchById', { watchId: 'a' });
    expect(list.lastStop.value).toEqual({ url: 'https://a.example/', ended: false, stopped: true });
    await list.stop({ ...watch, status: 'gave-up' });
    expect(list.lastStop.value).toMatchObject({ ended: true, stopped: true });
  });

  it('says so when the background does not answer', async () => {
    const sendMessage = vi.fn(async () =>
      Promise.reject(new Error('Could not establish connection')),
    ) as never as typeof send;
    const list = createWatchList({ sendMessage });
    await list.stop(watching('a', 'https://a.example/'));
    expect(list.lastStop.value).toEqual({
      url: 'https://a.example/',
      ended: false,
      stopped: false,
    });
  });
});
