import { useRef, useState } from 'preact/hooks';
import type { MessageKey } from '@/lib/i18n/messages';
import type { AddSiteOutcome } from '@/lib/settings/settings';
import { useT } from '../i18n';
import { BUTTON, FIELD, HINT } from './styles';

export interface IgnoredSitesProps {
  readonly sites: readonly string[];
  /** Adds the typed site (a host or any address on it) and says whether it could. */
  readonly onAdd: (typed: string) => AddSiteOutcome;
  readonly onRemove: (site: string) => void;
}

const REFUSED: Record<Exclude<AddSiteOutcome, 'added'>, MessageKey> = {
  invalid: 'optionsIgnoredInvalid',
  duplicate: 'optionsIgnoredDuplicate',
  full: 'optionsIgnoredFull',
};

/** The "don't show" list: each site with its Remove button, and a field to add one. */
export function IgnoredSites({ sites, onAdd, onRemove }: IgnoredSitesProps) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [refused, setRefused] = useState<MessageKey | null>(null);
  const field = useRef<HTMLInputElement>(null);

  const add = (event: Event) => {
    event.preventDefault();
    const outcome = onAdd(typed);
    if (outcome === 'added') setTyped('');
    setRefused(outcome === 'added' ? null : REFUSED[outcome]);
  };
  return (
    <div data-setting="ignoredSites" class="flex flex-col gap-3">
      <p id="setting-ignoredSites-why" class={HINT}>
        {t('optionsIgnoredWhy')}
      </p>
      {sites.length === 0 ? (
        <p class="m-0 italic">{t('optionsIgnoredEmpty')}</p>
      ) : (
        <ul class="m-0 flex list-none flex-col gap-2 p-0" aria-labelledby="settings-ignoredSites">
          {sites.map((site) => (
            <li key={site} class="flex items-center justify-between gap-3">
              <span class="font-mono text-sm break-all">{site}</span>
              <button
                type="button"
                class={BUTTON}
                aria-label={t('optionsIgnoredRemoveSite', site)}
                onClick={() => {
                  onRemove(site);
                  // The button goes with its row: keep the keyboard in the list's neighbourhood.
                  field.current?.focus();
                }}
              >
                {t('optionsIgnoredRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="flex flex-col gap-1" onSubmit={add}>
        <label for="setting-ignoredSites-add" class="font-medium">
          {t('optionsIgnoredAddLabel')}
        </label>
        <div class="flex flex-wrap gap-2">
          <input
            ref={field}
            id="setting-ignoredSites-add"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            class={`min-w-0 flex-1 ${FIELD}`}
            value={typed}
            aria-invalid={refused !== null}
            aria-describedby="setting-ignoredSites-hint setting-ignoredSites-outcome"
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
          <button type="submit" class={BUTTON}>
            {t('optionsIgnoredAdd')}
          </button>
        </div>
        <p id="setting-ignoredSites-hint" class={HINT}>
          {t('optionsIgnoredAddHint')}
        </p>
        <p
          id="setting-ignoredSites-outcome"
          role="status"
          class="m-0 text-sm font-medium text-red-800 dark:text-red-300"
        >
          {refused && t(refused)}
        </p>
      </form>
    </div>
  );
}
