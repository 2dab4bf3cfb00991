import { useT } from '../i18n';
import { formatTime } from './format';
import { FOCUS, HINT } from './styles';

export interface OptionsHeaderProps {
  /** What came of the last change, null before any. */
  readonly lastSave: { readonly saved: boolean; readonly time: number } | null;
  readonly lang: string;
}

/** The page's title, how saving works, and what came of the last change (announced when it changes). */
export function OptionsHeader({ lastSave, lang }: OptionsHeaderProps) {
  const t = useT();
  return (
    <header class="flex flex-col gap-2">
      <h1 class="m-0 text-2xl font-bold">{t('optionsPageTitle')}</h1>
      <p class="m-0">{t('optionsIntro')}</p>
      <p class={HINT}>
        <a
          href="welcome.html"
          class={`rounded-sm text-blue-700 underline underline-offset-2 dark:text-blue-300 ${FOCUS}`}
        >
          {t('optionsAboutLink')}
        </a>
      </p>
      <p
        role="status"
        class={`m-0 min-h-6 font-medium ${lastSave?.saved === false ? 'text-red-800 dark:text-red-300' : ''}`}
      >
        {lastSave?.saved === true && t('optionsSaved', formatTime(lastSave.time, lang))}
        {lastSave?.saved === false && t('optionsSaveFailed')}
      </p>
    </header>
  );
}
