import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakePermissions } from '../../tests/support/fake-permissions';
import { historyItem } from '../platform/history';
import { hasPermission, requestPermission } from '../platform/optional-permissions';
import { onPermissionChanged } from '../platform/permission-changes';
import { settingsItem } from '../platform/settings';
import { DEFAULT_SETTINGS, MAX_IGNORED_SITES, type Settings } from '../settings/settings';
import type { HistoryEntry } from '../history/history';
import { createOptionsState } from './options';

const NOW = Date.UTC(2026, 2, 5, 12);
const incident = (time: number, origin: string, statusCode = 502): HistoryEntry => ({
  time,
  site: origin,
  origin,
  statusCode,
  gateway: 'Cloudflare',
  recoveredAt: null,
});
const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings as Settings;
/** Lets storage.onChanged listeners run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function options({ granted = true, userAnswer = true } = {}) {
  const download = vi.fn();
  const permissions = fakePermissions(granted ? ['notifications'] : [], userAnswer);
  const state = createOptionsState({
    download,
    now: () => NOW,
    notificationPermission: {
      has: () => hasPermission('notifications', permissions),
      request: () => requestPermission('notifications', permissions),
      onChanged: (listener) => onPermissionChanged('notifications', listener, permissions),
    },
  });
  return { state, download, permissions };
}

describe('the options page’s settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for notifications, from the click, when they are turned on and not allowed, and saves once granted', async () => {
    const { state, permissions } = options({ granted: false });
    await state.load();
    expect(state.notificationsAllowed.value).toBe(false);
    await state.change({ notifications: false });
    expect(permissions.request).not.toHaveBeenCalled();
    const turningOn = state.change({ notifications: true });
    expect(permissions.request).toHaveBeenCalledExactlyOnceWith({ permissions: ['notifications'] });
    await turningOn;
    expect(state.notificationsAllowed.value).toBe(true);
    expect((await stored()).notifications).toBe(true);
  });

  it('saves nothing when the browser refuses, and follows the permission withdrawn elsewhere', async () => {
    const refused = options({ granted: false, userAnswer: false });
    await refused.state.load();
    await refused.state.change({ notifications: true });
    expect(refused.state.notificationsAllowed.value).toBe(false);
    expect(await stored()).toBeUndefined();

    const granted = options();
    await granted.state.load();
    expect(granted.state.notificationsAllowed.value).toBe(true);
    granted.permissions.remove({ permissions: ['notifications'] });
    expect(granted.state.notificationsAllowed.value).toBe(false);
  });

  it('shows the defaults when nothing is stored, and writes nothing until something changes', async () => {
    const { state } = options();
    expect(state.settings.value).toBeNull();
    await state.load();
    expect(state.settings.value).toEqual(DEFAULT_SETTINGS);
    expect(await stored()).toBeUndefined();
  });

  it('saves a change at once, keeping every other setting', async () => {
    const { state } = options();
    await state.load();
    await state.change({ panelEnabled: false });
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, panelEnabled: false });
    expect(state.settings.value?.panelEnabled).toBe(false);
    expect(state.lastSave.value).toEqual({ saved: true, time: NOW });
    // What the background reads next is the new value.
    expect((await settingsItem.getValue()).panelEnabled).toBe(false);
  });

  it('saves an out-of-range value as the nearest allowed one', async () => {
    const { state } = options();
    await state.load();
    await state.change({ watchGiveUpMinutes: 100_000 });
    expect((await stored()).watchGiveUpMinutes).toBe(24 * 60);
  });

  it('starts each write from what is stored now: a site silenced from a panel meanwhile is kept', async () => {
    const { state } = options();
    await state.load();
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, ignoredSites: ['shop.example'] },
    });
    await state.change({ notifications: false });
    expect(await stored()).toEqual({
      ...DEFAULT_SETTINGS,
      ignoredSites: ['shop.example'],
      notifications: false,
    });
  });

  it('follows changes made elsewhere while it is open, and stops when disposed', async () => {
    const { state } = options();
    await state.load();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, historyMode: 'full' });
    await settle();
    expect(state.settings.value?.historyMode).toBe('full');
    state.dispose();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, historyMode: 'off' });
    await settle();
    expect(state.settings.value?.historyMode).toBe('full');
  });

  it('says when a change could not be saved, and shows what is stored', async () => {
    const { state } = options();
    await state.load();
    const write = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockRejectedValueOnce(new Error('QUOTA_BYTES'));
    await state.change({ reloadWhenBack: false });
    expect(write).toHaveBeenCalled();
    expect(state.lastSave.value).toEqual({ saved: false, time: NOW });
    expect(state.settings.value?.reloadWhenBack).toBe(true);
  });

  it('adds a site typed in any form once, refuses what is not a site, and removes one', async () => {
    const { state } = options();
    await state.load();
    expect(state.addSite('https://Shop.Example/cart')).toBe('added');
    expect(state.addSite('shop.example')).toBe('duplicate');
    expect(state.addSite('not a site')).toBe('invalid');
    expect(state.addSite('news.example')).toBe('added');
    await state.change({});
    expect((await stored()).ignoredSites).toEqual(['shop.example', 'news.example']);
    await state.removeSite('shop.example');
    expect((await stored()).ignoredSites).toEqual(['news.example']);
    expect(state.settings.value?.ignoredSites).toEqual(['news.example']);
  });

  it('refuses a site past the list’s limit', async () => {
    const full = Array.from({ length: MAX_IGNORED_SITES }, (_, i) => `site${i}.example`);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, ignoredSites: full });
    const { state } = options();
    await state.load();
    expect(state.addSite('one-more.example')).toBe('full');
  });
});

describe('settings stored by an older or damaged build', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keep every valid field and fill the rest, and the first save writes them whole', async () => {
    // As a build before the watcher's settings existed might have left them, with one field damaged by hand.
    await fakeBrowser.storage.local.set({
      settings: {
        panelEnabled: false,
        historyMode: 'full',
        ignoredSites: ['Shop.Example.', 7],
        notifications: 'no',
      },
    });
    const { state } = options();
    await state.load();
    const repaired = {
      ...DEFAULT_SETTINGS,
      panelEnabled: false,
      historyMode: 'full',
      ignoredSites: ['shop.example'],
    };
    expect(state.settings.value).toEqual(repaired);
    await state.change({ reloadWhenBack: false });
    expect(await stored()).toEqual({ ...repaired, reloadWhenBack: false });
  });

  it('replace a value that is not settings at all with the defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: 'corrupted' });
    const { state } = options();
    await state.load();
    expect(state.settings.value).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the options page’s history', () => {
  beforeEach(() => fakeBrowser.reset());

  const recorded = [
    incident(NOW - 60_000, 'https://shop.example'),
    incident(NOW - 3_600_000, 'https://news.example', 504),
    incident(NOW - 86_400_000, 'https://shop.example', 503),
  ];

  it('says what it could not read, and shows the rest', async () => {
    await fakeBrowser.storage.local.set({ history: [recorded[0], { time: 'yesterday' }, null] });
    const { state } = options();
    await state.load();
    expect(state.history.value).toMatchObject({ damaged: false, malformed: 2 });
    expect(state.shown.value).toEqual([recorded[0]]);

    await fakeBrowser.storage.local.set({ history: { not: 'a list' } });
    await settle();
    expect(state.history.value).toMatchObject({ damaged: true, entries: [] });
  });

  it('filters by site and status, and charts what the filter shows', async () => {
    await historyItem.setValue(recorded);
    const { state } = options();
    await state.load();
    expect(state.facets.value.origins).toEqual(['https://news.example', 'https://shop.example']);
    expect(state.chart.value?.total).toBe(3);
    state.setFilter({ origin: 'https://shop.example' });
    expect(state.shown.value.map((e) => e.statusCode)).toEqual([502, 503]);
    state.setFilter({ statusCode: 503 });
    expect(state.shown.value).toEqual([recorded[2]]);
    expect(state.chart.value?.total).toBe(1);
    state.setFilter({ origin: null, statusCode: null });
    expect(state.shown.value).toHaveLength(3);
  });

  it('shows an incident recorded while the page is open, and forgets a filter nothing matches', async () => {
    await historyItem.setValue(recorded.slice(1));
    const { state } = options();
    await state.load();
    state.setFilter({ origin: 'https://news.example' });
    await historyItem.setValue([recorded[0]!]);
    await settle();
    expect(state.filter.value.origin).toBeNull();
    expect(state.shown.value).toEqual([recorded[0]]);
  });

  it('exports what the filter shows', async () => {
    await historyItem.setValue(recorded);
    const { state, download } = options();
    await state.load();
    state.setFilter({ statusCode: 504 });
    state.exportHistory('csv');
    const file = download.mock.calls[0]![0];
    expect(file.name).toMatch(/^gateway-doctor-history-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.text.trim().split('\r\n')).toHaveLength(2);
    expect(file.text).toContain('https://news.example');
    state.exportHistory('json');
    expect(JSON.parse(download.mock.calls[1]![0].text).incidents).toHaveLength(1);
  });

  it('clears everything only once confirmed', async () => {
    await historyItem.setValue(recorded);
    const { state } = options();
    await state.load();
    state.askToClear();
    expect(state.confirmingClear.value).toBe(true);
    state.cancelClear();
    expect(state.confirmingClear.value).toBe(false);
    expect(await historyItem.getValue()).toHaveLength(3);
    state.askToClear();
    await state.clearHistory();
    expect(await historyItem.getValue()).toEqual([]);
    expect(state.shown.value).toEqual([]);
    expect(state.cleared.value).toBe(true);
    expect(state.confirmingClear.value).toBe(false);
  });
});
