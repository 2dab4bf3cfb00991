/**
 * What the background keeps and shows, read through `Harness.inExtension`: a tab's record, its badge, the watches'
 * alarms, the optional permissions granted. Shared by the specs that check state across stops, restarts and
 * permission changes.
 */
import { pollUntil, type ExtensionApi, type Harness } from './harness';

export interface StoredRecord {
  readonly url: string;
  readonly shown: boolean;
  readonly parts: readonly { readonly count: number }[];
}

/** The tab's record in storage.session, or null. */
export const recordOf = (browser: Harness, tabId: number) =>
  browser.inExtension(
    async (api: ExtensionApi, key: string) => (await api.storage.session.get(key))[key] ?? null,
    `tab:${tabId}`,
  ) as Promise<StoredRecord | null>;

/** Waits for the badge; a timeout says which badge and title the tab had instead. */
export async function badgeOf(browser: Harness, tabId: number, text: string) {
  let last = { text: '', title: '' };
  await pollUntil(`badge "${text}" on tab ${tabId}`, async () => {
    last = await browser.toolbar(tabId);
    return last.text === text ? true : undefined;
  }).catch((error: unknown) => {
    throw new Error(`${String(error)}; it had "${last.text}", titled "${last.title}"`);
  });
}

/** For inExtension: the watch's pending alarm, made due now; its name, or undefined when no watch has one. */
export const fastForward = (api: ExtensionApi) =>
  api.alarms.getAll().then(async (alarms: { name: string }[]) => {
    const alarm = alarms.find((candidate) => candidate.name.startsWith('watch:'));
    if (!alarm) return undefined;
    await api.alarms.create(alarm.name, { when: Date.now() });
    return alarm.name;
  });

/** For inExtension: the names of the watches' alarms. */
export const watchAlarms = (api: ExtensionApi) =>
  api.alarms
    .getAll()
    .then((alarms: { name: string }[]) =>
      alarms.map((alarm) => alarm.name).filter((name) => name.startsWith('watch:')),
    );

/** Whether the browser has granted the extension this API permission (an optional one: notifications, browsingData). */
export const permissionGranted = (browser: Harness, permission: string) =>
  browser.inExtension(
    (api: ExtensionApi, name: string) => api.permissions.contains({ permissions: [name] }),
    permission,
  ) as Promise<boolean>;

/** Changes some of the settings as the options page would: the rest stay as stored. */
export const changeSettings = (browser: Harness, changes: Record<string, unknown>) =>
  browser.inExtension(async (api: ExtensionApi, wanted: Record<string, unknown>) => {
    const { settings } = await api.storage.local.get('settings');
    await api.storage.local.set({ settings: { ...settings, ...wanted } });
  }, changes);
