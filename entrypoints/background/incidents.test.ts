import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  recordMainFrame,
  showIfReady,
  type IncidentDeps,
  type MainFrameCompletion,
} from './incidents';
import { createTranslator } from '@/lib/i18n/messages';
import { tabIncidents } from '@/lib/platform/tab-incidents';
import english from '@/public/_locales/en/messages.json';

const failed: MainFrameCompletion = {
  tabId: 7,
  url: 'https://shop.example/cart',
  method: 'GET',
  statusCode: 502,
  statusLine: 'HTTP/1.1 502 Bad Gateway',
  responseHeaders: [{ name: 'Server', value: 'cloudflare' }],
  type: 'main_frame',
  timeStamp: 1_700_000_000_000,
};
const storedFailure = {
  observation: { ...failed, headers: [], frame: 'main_frame' as const, time: 0 },
};

function deps(
  tab: { status: string; url: string } | Error = { status: 'complete', url: failed.url },
) {
  return {
    incidents: tabIncidents,
    tabs: { get: vi.fn(async () => (tab instanceof Error ? Promise.reject(tab) : tab)) as never },
    show: vi.fn(async () => {}),
    translate: createTranslator(english),
  } satisfies IncidentDeps;
}

describe('recordMainFrame', () => {
  beforeEach(() => fakeBrowser.reset());

  it('records a 5xx for its tab and shows it once the tab is complete', async () => {
    const d = deps();
    await recordMainFrame(failed, d);
    expect((await tabIncidents.get(7))?.observation.statusCode).toBe(502);
    expect(d.show).toHaveBeenCalledWith(
      7,
      { text: '502', color: '#b91c1c' },
      '502: this site did not answer properly. Click for help.',
    );
  });

  it('forgets the tab when it next loads a healthy page', async () => {
    await recordMainFrame(failed, deps());
    await recordMainFrame({ ...failed, statusCode: 200 }, deps());
    expect(await tabIncidents.get(7)).toBeNull();
  });

  it('ignores requests that belong to no tab', async () => {
    const d = deps();
    await recordMainFrame({ ...failed, tabId: -1 }, d);
    expect(await tabIncidents.get(-1)).toBeNull();
    expect(d.show).not.toHaveBeenCalled();
  });

  it('is safe to run twice', async () => {
    const d = deps();
    await recordMainFrame(failed, d);
    await recordMainFrame(failed, d);
    expect((await tabIncidents.get(7))?.observation.url).toBe('https://shop.example/cart');
    expect(d.show).toHaveBeenCalledTimes(2);
  });
});

describe('showIfReady', () => {
  beforeEach(() => fakeBrowser.reset());

  it('treats a fragment change as the same page', async () => {
    await tabIncidents.set(7, storedFailure);
    const d = deps({ status: 'complete', url: `${failed.url}#top` });
    await showIfReady(7, d);
    expect(d.show).toHaveBeenCalledOnce();
  });

  it('waits while the tab is still loading or shows another page', async () => {
    await tabIncidents.set(7, storedFailure);
    const loading = deps({ status: 'loading', url: failed.url });
    const elsewhere = deps({ status: 'complete', url: 'https://elsewhere.example/' });
    await showIfReady(7, loading);
    await showIfReady(7, elsewhere);
    expect(loading.show).not.toHaveBeenCalled();
    expect(elsewhere.show).not.toHaveBeenCalled();
  });

  it('does nothing for a tab with no incident or a tab that closed', async () => {
    const noIncident = deps();
    await showIfReady(8, noIncident);
    await tabIncidents.set(9, storedFailure);
    const closed = deps(new Error('No tab with id: 9'));
    await showIfReady(9, closed);
    expect(noIncident.show).not.toHaveBeenCalled();
    expect(closed.show).not.toHaveBeenCalled();
  });
});
