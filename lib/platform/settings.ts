import { storage } from '#imports';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../settings/settings';

/**
 * The one stored settings object, versioned so a future shape migrates old settings instead of losing them. A new
 * setting needs no new version: normalizeSettings gives it its default. A setting renamed or given another meaning
 * raises the version, with a migration from the old value (settings.test.ts shows the path).
 * https://wxt.dev/storage.html#versioning
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Settings as stored, repaired field by field where stored data is invalid. */
export async function loadSettings(item = settingsItem): Promise<Settings> {
  return normalizeSettings(await item.getValue());
}
