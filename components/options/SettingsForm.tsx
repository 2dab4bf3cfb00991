import type { JSX } from 'preact';
import type { MessageKey } from '@/lib/i18n/messages';
import type { AddSiteOutcome, HistoryMode, Settings } from '@/lib/settings/settings';
import { useT } from '../i18n';
import { formatDuration } from './format';
import { IgnoredSites } from './IgnoredSites';
import { FIELD, HEADING, HINT, SECTION } from './styles';

export type BrowserName = 'chrome' | 'firefox';

export interface SettingsFormProps {
  readonly settings: Settings;
  /** Some settings only mean something in one browser; the other says so. */
  readonly browser: BrowserName;
  readonly lang: string;
  /** Called for every change, at once: there is no Save button. */
  readonly onChange: (patch: Partial<Settings>) => void;
  /**
   * Whether the browser lets Gateway Doctor show notifications (asked for when first used): until it does, the
   * notifications setting shows as off, with the reason, and turning it on asks.
   */
  readonly notificationsAllowed: boolean;
  readonly onAddSite: (typed: string) => AddSiteOutcome;
  readonly onRemoveSite: (site: string) => void;
}

type Flag = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

/**
 * One control for every setting, by name: a setting added to Settings without one here fails the typecheck, and one
 * left out of GROUPS fails SettingsForm.test.tsx.
 */
const CONTROLS: { readonly [K in keyof Settings]: (props: SettingsFormProps) => JSX.Element } = {
  panelEnabled: (props) => (
    <Toggle
      {...props}
      setting="panelEnabled"
      label="optionsPanelEnabled"
      why="optionsPanelEnabledWhy"
    />
  ),
  explainEmptyErrors: (props) => (
    <Toggle
      {...props}
      setting="explainEmptyErrors"
      label="optionsExplainEmptyErrors"
      why="optionsExplainEmptyErrorsWhy"
      // Firefox shows a blank page at the failed address, where the panel can appear: nothing to replace.
      unavailable={props.browser === 'firefox' ? 'optionsExplainEmptyErrorsFirefox' : undefined}
    />
  ),
  showPageApiFailures: (props) => (
    <Toggle
      {...props}
      setting="showPageApiFailures"
      label="optionsShowPageApiFailures"
      why="optionsShowPageApiFailuresWhy"
    />
  ),
  ignoreLocalAddresses: (props) => (
    <Toggle
      {...props}
      setting="ignoreLocalAddresses"
      label="optionsIgnoreLocalAddresses"
      why="optionsIgnoreLocalAddressesWhy"
    />
  ),
  ignoredSites: ({ settings, onAddSite, onRemoveSite }) => (
    <IgnoredSites sites={settings.ignoredSites} onAdd={onAddSite} onRemove={onRemoveSite} />
  ),
  watchGiveUpMinutes: (props) => <GiveUpAfter {...props} />,
  notifications: (props) => (
    <Toggle
      {...props}
      setting="notifications"
      label="optionsNotifications"
      why="optionsNotificationsWhy"
      checked={props.settings.notifications && props.notificationsAllowed}
      note={props.notificationsAllowed ? undefined : 'optionsNotificationsNotAllowed'}
    />
  ),
  reloadWhenBack: (props) => (
    <Toggle
      {...props}
      setting="reloadWhenBack"
      label="optionsReloadWhenBack"
      why="optionsReloadWhenBackWhy"
    />
  ),
  historyMode: (props) => <HistoryModeChoice {...props} />,
};

const GROUPS: readonly {
  id: string;
  heading: MessageKey;
  settings: readonly (keyof Settings)[];
}[] = [
  {
    id: 'settings-failures',
    heading: 'optionsFailuresHeading',
    settings: ['panelEnabled', 'explainEmptyErrors', 'showPageApiFailures', 'ignoreLocalAddresses'],
  },
  { id: 'settings-ignoredSites', heading: 'optionsIgnoredHeading', settings: ['ignoredSites'] },
  {
    id: 'settings-watch',
    heading: 'optionsWatchHeading',
    settings: ['watchGiveUpMinutes', 'notifications', 'reloadWhenBack'],
  },
  { id: 'settings-history', heading: 'optionsHistorySettingsHeading', settings: ['historyMode'] },
];

/** Every setting, grouped by what it is about, each explained in one line. */
export function SettingsForm(props: SettingsFormProps) {
  const t = useT();
  return (
    <>
      {GROUPS.map(({ id, heading, settings }) => (
        <section key={id} aria-labelledby={id} class={SECTION}>
          <h2 id={id} class={HEADING}>
            {t(heading)}
          </h2>
          {settings.map((setting) => {
            const Control = CONTROLS[setting];
            return <Control key={setting} {...props} />;
          })}
        </section>
      ))}
    </>
  );
}

function Toggle({
  setting,
  label,
  why,
  unavailable,
  note,
  settings,
  checked = settings[setting],
  onChange,
}: SettingsFormProps & {
  setting: Flag;
  label: MessageKey;
  why: MessageKey;
  /** Why this browser has no use for the setting: the control is then shown, off limits, with the reason. */
  unavailable?: MessageKey | undefined;
  /** What the box shows, when it is not simply the setting. */
  checked?: boolean;
  /** What stands in the setting's way for now, said as `unavailable` is. */
  note?: MessageKey | undefined;
}) {
  const t = useT();
  const id = `setting-${setting}`;
  const said = unavailable ?? note;
  return (
    <div data-setting={setting} class="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        class="mt-1 size-4 shrink-0 accent-blue-700 dark:accent-blue-300"
        checked={checked}
        disabled={unavailable !== undefined}
        aria-describedby={`${id}-why`}
        onChange={(event) => {
          const wanted = event.currentTarget.checked;
          // Controlled: the box shows what the settings say, once they say it, and not a change they refused.
          event.currentTarget.checked = checked;
          onChange({ [setting]: wanted });
        }}
      />
      <div class="flex flex-col gap-0.5">
        <label for={id} class="font-medium">
          {t(label)}
        </label>
        <p id={`${id}-why`} class={HINT}>
          {t(why)}
          {said && <strong class="mt-1 block font-semibold">{t(said)}</strong>}
        </p>
      </div>
    </div>
  );
}

/** The choices offered; a value stored from elsewhere within the allowed range is offered too. */
const GIVE_UP_MINUTES = [15, 30, 60, 120, 240, 480, 720, 1440];

function GiveUpAfter({ settings, lang, onChange }: SettingsFormProps) {
  const t = useT();
  const current = settings.watchGiveUpMinutes;
  const choices = [...new Set([...GIVE_UP_MINUTES, current])].sort((a, b) => a - b);
  return (
    <div data-setting="watchGiveUpMinutes" class="flex flex-col gap-1">
      <label for="setting-watchGiveUpMinutes" class="font-medium">
        {t('optionsWatchGiveUp')}
      </label>
      <select
        id="setting-watchGiveUpMinutes"
        class={`w-fit ${FIELD}`}
        value={String(current)}
        aria-describedby="setting-watchGiveUpMinutes-why"
        onChange={(event) => onChange({ watchGiveUpMinutes: Number(event.currentTarget.value) })}
      >
        {choices.map((minutes) => (
          <option key={minutes} value={String(minutes)}>
            {formatDuration(minutes * 60_000, lang)}
          </option>
        ))}
      </select>
      <p id="setting-watchGiveUpMinutes-why" class={HINT}>
        {t('optionsWatchGiveUpWhy')}
      </p>
    </div>
  );
}

const HISTORY_MODES: readonly { mode: HistoryMode; label: MessageKey }[] = [
  { mode: 'off', label: 'optionsHistoryModeOff' },
  { mode: 'origin', label: 'optionsHistoryModeOrigin' },
  { mode: 'full', label: 'optionsHistoryModeFull' },
];

function HistoryModeChoice({ settings, onChange }: SettingsFormProps) {
  const t = useT();
  return (
    <fieldset
      data-setting="historyMode"
      class="m-0 flex flex-col gap-2 border-0 p-0"
      aria-describedby="setting-historyMode-why"
    >
      <legend class="mb-1 p-0 font-medium">{t('optionsHistoryModeLabel')}</legend>
      <p id="setting-historyMode-why" class={HINT}>
        {t('optionsHistoryModeWhy')}
      </p>
      {HISTORY_MODES.map(({ mode, label }) => (
        <label key={mode} class="flex items-center gap-2">
          <input
            type="radio"
            name="historyMode"
            value={mode}
            class="size-4 accent-blue-700 dark:accent-blue-300"
            checked={settings.historyMode === mode}
            onChange={() => onChange({ historyMode: mode })}
          />
          {t(label)}
        </label>
      ))}
    </fieldset>
  );
}
