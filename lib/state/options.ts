import { computed, signal } from '@preact/signals';
import { exportFile, type ExportFile, type ExportFormat } from '../history/export';
import {
  fittingFilter,
  filterHistory,
  historyFacets,
  NO_FILTER,
  type HistoryFilter,
} from '../history/filter';
import { incidentChart } from '../history/chart';
import type { HistoryEntry } from '../history/history';
import { readHistory, type HistoryReading } from '../history/reading';
import { historyItem } from '../platform/history';
import { hasPermission, requestPermission } from '../platform/optional-permissions';
import { onPermissionChanged } from '../platform/permission-changes';
import { settingsItem } from '../platform/settings';
import {
  normalizeSettings,
  withIgnoredSite,
  type AddSiteOutcome,
  type Settings,
} from '../settings/settings';
import { createWatchList, type WatchList } from './watch-list';

/** A storage item as the page uses it: what is stored is read as unknown, since it may be old or damaged. */
interface Store<T> {
  getValue(): Promise<unknown>;
  setValue(value: T): Promise<void>;
  watch(callback: (value: unknown) => void): () => void;
}

/**
 * The options page's state: the settings, saved the moment they change, the pages being watched, and the history
 * view. All follow storage,
 * so a site silenced from the panel, or an incident recorded while the page is open, shows up at once; and every
 * write starts from what is stored now, so a change made elsewhere in between is never overwritten. The background
 * reads the settings each time it needs them: saving is applying.
 */
export function createOptionsState({
  settingsStore = settingsItem,
  historyStore = historyItem,
  watchList = createWatchList(),
  now = Date.now,
  download,
  notificationPermission = {
    has: () => hasPermission('notifications'),
    request: () => requestPermission('notifications'),
    onChanged: (listener: (granted: boolean) => void) =>
      onPermissionChanged('notifications', listener),
  },
}: {
  settingsStore?: Store<Settings>;
  historyStore?: Store<HistoryEntry[]>;
  watchList?: WatchList;
  now?: () => number;
  download: (file: ExportFile) => void;
  notificationPermission?: {
    has(): Promise<boolean>;
    request(): Promise<boolean>;
    onChanged(listener: (granted: boolean) => void): () => void;
  };
}) {
  const settings = signal<Settings | null>(null);
  /** What came of the last change: saved, or refused by the browser's storage. */
  const lastSave = signal<{ readonly saved: boolean; readonly time: number } | null>(null);
  const history = signal<HistoryReading | null>(null);
  const chosenFilter = signal<HistoryFilter>(NO_FILTER);
  const confirmingClear = signal(false);
  const cleared = signal(false);
  /** Whether the browser lets Gateway Doctor show notifications (asked for when first used). */
  const notificationsAllowed = signal(false);

  const entries = computed(() => history.value?.entries ?? []);
  const filter = computed(() => fittingFilter(chosenFilter.value, entries.value));
  const shown = computed(() => filterHistory(entries.value, filter.value));
  const facets = computed(() => historyFacets(entries.value));
  const chart = computed(() => incidentChart(shown.value, now()));

  let writes: Promise<void> = Promise.resolve();
  /** Applies `change` to the settings as stored now, one write at a time. */
  function update(change: (current: Settings) => Partial<Settings>): Promise<void> {
    if (settings.value)
      settings.value = normalizeSettings({ ...settings.value, ...change(settings.value) });
    writes = writes.then(async () => {
      try {
        const stored = normalizeSettings(await settingsStore.getValue());
        const next = normalizeSettings({ ...stored, ...change(stored) });
        await settingsStore.setValue(next);
        settings.value = next;
        lastSave.value = { saved: true, time: now() };
      } catch {
        lastSave.value = { saved: false, time: now() };
        settings.value = normalizeSettings(await settingsStore.getValue().catch(() => null));
      }
    });
    return writes;
  }

  /** Checked against the list as shown, and added to the list as stored. */
  function addSite(text: string): AddSiteOutcome {
    const { outcome } = withIgnoredSite(settings.value?.ignoredSites ?? [], text);
    if (outcome === 'added')
      void update(({ ignoredSites }) => ({
        ignoredSites: withIgnoredSite(ignoredSites, text).sites,
      }));
    return outcome;
  }

  function removeSite(site: string): Promise<void> {
    return update(({ ignoredSites }) => ({
      ignoredSites: ignoredSites.filter((ignored) => ignored !== site),
    }));
  }

  async function clearHistory(): Promise<void> {
    await historyStore.setValue([]);
    history.value = readHistory([]);
    confirmingClear.value = false;
    cleared.value = true;
  }

  function exportHistory(format: ExportFormat) {
    download(exportFile(format, shown.value, now()));
  }

  /**
   * Saves a change of the settings. Turning notifications on while the browser has not allowed them asks it first,
   * from the visitor's click (this runs before any await), and saves only once it has.
   */
  function change(patch: Partial<Settings>): Promise<void> {
    if (patch.notifications !== true || notificationsAllowed.value) return update(() => patch);
    return notificationPermission.request().then((granted) => {
      notificationsAllowed.value = granted;
      if (granted) return update(() => patch);
    });
  }

  async function load() {
    const [storedSettings, storedHistory, allowed] = await Promise.all([
      settingsStore.getValue(),
      historyStore.getValue(),
      notificationPermission.has(),
      watchList.load(),
    ]);
    settings.value = normalizeSettings(storedSettings);
    history.value = readHistory(storedHistory);
    notificationsAllowed.value = allowed;
  }

  const unwatch = [
    watchList.dispose,
    notificationPermission.onChanged((granted) => void (notificationsAllowed.value = granted)),
    settingsStore.watch((value) => void (settings.value = normalizeSettings(value))),
    historyStore.watch((value) => {
      history.value = readHistory(value);
      if (shown.value.length > 0) cleared.value = false;
    }),
  ];

  return {
    settings,
    lastSave,
    history,
    watchList,
    filter,
    shown,
    facets,
    chart,
    confirmingClear,
    cleared,
    notificationsAllowed,
    load,
    change,
    addSite,
    removeSite,
    setFilter: (next: Partial<HistoryFilter>) =>
      void (chosenFilter.value = { ...filter.value, ...next }),
    askToClear: () => void (confirmingClear.value = true),
    cancelClear: () => void (confirmingClear.value = false),
    clearHistory,
    exportHistory,
    dispose: () => unwatch.forEach((stop) => stop()),
  };
}

export type OptionsState = ReturnType<typeof createOptionsState>;
