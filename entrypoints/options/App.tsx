import { TranslateContext } from '@/components/i18n';
import { HistoryView } from '@/components/options/HistoryView';
import { OptionsHeader } from '@/components/options/OptionsHeader';
import { SettingsForm, type BrowserName } from '@/components/options/SettingsForm';
import { WatchList } from '@/components/options/WatchList';
import { translate } from '@/lib/platform/i18n';
import type { OptionsState } from '@/lib/state/options';

export function App({ state, browser }: { state: OptionsState; browser: BrowserName }) {
  return (
    <TranslateContext.Provider value={translate}>
      <Options state={state} browser={browser} />
    </TranslateContext.Provider>
  );
}

function Options({ state, browser }: { state: OptionsState; browser: BrowserName }) {
  const lang = translate({ key: 'pageLanguage' });
  const settings = state.settings.value;
  const history = state.history.value;
  const watches = state.watchList.watches.value;
  return (
    <div class="mx-auto flex max-w-3xl flex-col gap-6 px-6 py-10">
      <OptionsHeader lastSave={state.lastSave.value} lang={lang} />
      <main class="flex flex-col gap-6" aria-busy={settings === null}>
        {settings && (
          <SettingsForm
            settings={settings}
            browser={browser}
            lang={lang}
            onChange={(patch) => void state.change(patch)}
            notificationsAllowed={state.notificationsAllowed.value}
            onAddSite={state.addSite}
            onRemoveSite={(site) => void state.removeSite(site)}
          />
        )}
        {watches && (
          <WatchList
            watches={watches}
            lang={lang}
            lastStop={state.watchList.lastStop.value}
            onStop={(watch) => void state.watchList.stop(watch)}
          />
        )}
        {settings && history && (
          <HistoryView
            reading={history}
            shown={state.shown.value}
            facets={state.facets.value}
            filter={state.filter.value}
            chart={state.chart.value}
            historyMode={settings.historyMode}
            lang={lang}
            confirmingClear={state.confirmingClear.value}
            cleared={state.cleared.value}
            onFilter={state.setFilter}
            onExport={state.exportHistory}
            onAskToClear={state.askToClear}
            onCancelClear={state.cancelClear}
            onClear={() => void state.clearHistory()}
          />
        )}
      </main>
    </div>
  );
}
