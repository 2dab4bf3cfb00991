import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageFailed, withShown } from '@/lib/incident/tab-incident';
import { tabIncidents } from '@/lib/platform/tab-incidents';
import { handlers } from './handlers';

describe('panelOpened', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no catalogue: the toolbar's title is not what this test is about.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
  });

  it('answers the panel with its page’s watch, so it shows the watch without asking again', async () => {
    const url = 'https://shop.example/cart';
    const tabId = (await fakeBrowser.tabs.create({ url }))!.id!;
    await fakeBrowser.tabs.update(tabId, { status: 'complete' } as never);
    await tabIncidents.update(tabId, () =>
      withShown(
        pageFailed({
          url,
          method: 'GET',
          statusCode: 502,
          headers: [],
          frame: 'main_frame',
          time: 0,
        }),
      ),
    );
    const sender = { kind: 'content-script', tabId } as const;
    expect((await handlers.panelOpened({ markers: null }, sender))?.watch).toEqual({
      kind: 'idle',
      fromForm: false,
    });
    await handlers.watch({}, sender);
    expect((await handlers.panelOpened({ markers: null }, sender))?.watch).toMatchObject({
      kind: 'watching',
      paused: false,
    });
  });
});
