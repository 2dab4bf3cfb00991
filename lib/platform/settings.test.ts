import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../settings/settings';
import { loadSettings, settingsItem } from './settings';

describe('the stored settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('read an old or damaged value field by field, keeping what is valid', async () => {
    // No version metadata, as every build so far has written it, one field of the wrong type, one unknown.
    await fakeBrowser.storage.local.set({
      settings: { panelEnabled: false, watchGiveUpMinutes: 'soon', retired: true },
    });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, panelEnabled: false });
  });

  it('migrate to a later version of the schema instead of being lost', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      watchGiveUpMinutes: 30,
      notifications: false,
    });
    // What a version 2 that replaced a field would declare (https://wxt.dev/storage.html#versioning): the value
    // this build stored reaches its migration as version 1, and normalizeSettings then reads the result.
    const next = storage.defineItem<Settings & { watchGiveUpHours?: number }>('local:settings', {
      fallback: DEFAULT_SETTINGS,
      version: 2,
      migrations: {
        2: (old: Settings) => ({ ...old, watchGiveUpHours: old.watchGiveUpMinutes / 60 }),
      },
    });
    await next.migrate();
    const migrated = await next.getValue();
    expect(migrated.watchGiveUpHours).toBe(0.5);
    expect(normalizeSettings(migrated)).toEqual({
      ...DEFAULT_SETTINGS,
      watchGiveUpMinutes: 30,
      notifications: false,
    });
    expect(await next.getMeta()).toEqual({ v: 2 });
  });
});
