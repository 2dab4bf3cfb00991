import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageFailed, withShown, type TabIncident } from '@/lib/incident/tab-incident';
import { storage } from '#imports';
import type { Observation } from '@/lib/diagnosis/types';
import { tabIncidents } from '@/lib/platform/tab-incidents';
import english from '../../public/_locales/en/messages.json';
import { createTranslator } from '@/lib/i18n/messages';
import { fixtureCase } from '../../components/diagnosis/test-support';
import { handlers } from './handlers';
import './test-support';

/** A tab that completed on `observation`'s failed page, whose panel was shown. */
async function tabShowing(observation: Observation): Promise<number> {
  const tabId = (await fakeBrowser.tabs.create({ url: observation.url }))!.id!;
  await fakeBrowser.tabs.update(tabId, { status: 'complete' } as never);
  await tabIncidents.update(tabId, () => withShown(pageFailed(observation)));
  return tabId;
}

/** A bare 502: nothing in it names a gateway. */
const BARE_502: Observation = {
  url: 'https://shop.example/cart',
  method: 'GET',
  statusCode: 502,
  headers: [],
  frame: 'main_frame',
  time: 0,
};

describe('panelOpened', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no catalogue: the toolbar's title is not what this test is about.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
    // The fake browser has no permissions API; every optional permission is granted here.
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  });

  it('answers the panel with its page’s watch, so it shows the watch without asking again', async () => {
    const tabId = await tabShowing(BARE_502);
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

  it('answers from the page’s markers, and keeps them in the tab’s record for the popup', async () => {
    const tabId = await tabShowing(BARE_502);
    const markers = { title: '502 Bad Gateway', text: '502 Bad Gateway\nnginx/1.25.3' };

    const opened = await handlers.panelOpened({ markers }, { kind: 'content-script', tabId });
    expect(opened?.diagnosis.chain.map((hop) => hop.name)).toContain('nginx');
    expect(opened?.incident.page?.page).toEqual(markers);
    await vi.waitFor(async () =>
      expect((await storage.getItem<TabIncident>(`session:tab:${tabId}`))?.page?.page).toEqual(
        markers,
      ),
    );
  });

  it('writes the owner report for the panel: the page without its query string, the Ray ID, the time zone', async () => {
    const translate = createTranslator(english);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
      (key: string, subs?: string | (string | number)[]) =>
        translate({ key: key as keyof typeof english, subs: [subs ?? []].flat() }),
    );
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      ...new Intl.DateTimeFormat().resolvedOptions(),
      timeZone: 'Europe/Paris',
    });
    const tabId = await tabShowing(fixtureCase('cloudflare-522').observation);

    const opened = await handlers.panelOpened({ markers: null }, { kind: 'content-script', tabId });
    expect(opened?.ownerReport).toContain('https://shop.example.com/cart');
    expect(opened?.ownerReport).not.toContain('session=secret');
    // Cloudflare's 5xx documentation asks for the Ray ID and the time with its zone.
    expect(opened?.ownerReport).toContain('9df84586146e8465-EWR');
    expect(opened?.ownerReport).toContain('Europe/Paris');
  });
});
