import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onInstalled, refreshHostAccess } from './host-access';
import { createTranslator } from '@/lib/i18n/messages';
import english from '@/public/_locales/en/messages.json';

const translate = createTranslator(english);
const withAccess = (granted: boolean) => ({
  action: fakeBrowser.action,
  hasHostAccess: async () => granted,
  translate,
});
/** The URLs of the tabs opened since the last reset (the fake browser starts with one blank tab). */
const openedUrls = async () =>
  (await fakeBrowser.tabs.query({})).flatMap((tab) => (tab.url === undefined ? [] : [tab.url]));
const globalToolbar = async () => ({
  text: await fakeBrowser.action.getBadgeText({}),
  title: await fakeBrowser.action.getTitle({}),
});

describe('onInstalled', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens the welcome page on a first install', async () => {
    await onInstalled({ reason: 'install' });
    expect(await openedUrls()).toEqual(['chrome-extension://test-extension-id/welcome.html']);
  });

  it.each(['update', 'browser_update', 'chrome_update', 'shared_module_update'])(
    'opens nothing on %s',
    async (reason) => {
      await onInstalled({ reason });
      expect(await openedUrls()).toEqual([]);
    },
  );
});

describe('refreshHostAccess', () => {
  beforeEach(() => fakeBrowser.reset());

  it('marks every tab with ! and says why when access to sites is withheld', async () => {
    await refreshHostAccess(withAccess(false));
    expect(await globalToolbar()).toEqual({
      text: '!',
      title:
        'Gateway Doctor cannot see any site: allow it access to all sites so it can notice their errors.',
    });
  });

  it('clears the mark and restores the idle title once access is granted', async () => {
    await refreshHostAccess(withAccess(false));
    await refreshHostAccess(withAccess(true));
    expect(await globalToolbar()).toEqual({ text: '', title: 'Gateway Doctor' });
  });

  it('leaves a failed tab’s own badge in place', async () => {
    await fakeBrowser.action.setBadgeText({ tabId: 7, text: '502' });
    await refreshHostAccess(withAccess(false));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('502');
  });

  it('is safe to run twice', async () => {
    await refreshHostAccess(withAccess(false));
    await refreshHostAccess(withAccess(false));
    expect((await globalToolbar()).text).toBe('!');
  });
});
