import type { MessageKey } from '@/lib/i18n/messages';
import { useT } from '../i18n';
import { HostAccessRequest, type HostAccessView } from './HostAccessRequest';
import { FOCUS } from './styles';

export interface WelcomeProps {
  readonly hostAccess: HostAccessView;
  readonly onRequestHostAccess: () => void;
  /**
   * What the manifest asks for: permissions, optional permissions and host permissions, as the browser reports them.
   * The page lists these and only these, so it cannot promise less or more than the build does.
   */
  readonly permissions: readonly string[];
}

/**
 * Why each permission Gateway Doctor may ask for is needed, in the README's and the store listing's words; the
 * technical name shown is the one the stores show. The order is the list's.
 */
export const PERMISSION_REASONS: readonly { id: string; name: MessageKey; why: MessageKey }[] = [
  { id: 'webRequest', name: 'welcomePermissionWebRequest', why: 'welcomePermissionWebRequestWhy' },
  { id: 'scripting', name: 'welcomePermissionScripting', why: 'welcomePermissionScriptingWhy' },
  { id: 'storage', name: 'welcomePermissionStorage', why: 'welcomePermissionStorageWhy' },
  { id: 'alarms', name: 'welcomePermissionAlarms', why: 'welcomePermissionAlarmsWhy' },
  {
    id: 'notifications',
    name: 'welcomePermissionNotifications',
    why: 'welcomePermissionNotificationsWhy',
  },
  {
    id: 'browsingData',
    name: 'welcomePermissionBrowsingData',
    why: 'welcomePermissionBrowsingDataWhy',
  },
  { id: 'dns', name: 'welcomePermissionDns', why: 'welcomePermissionDnsWhy' },
  { id: '<all_urls>', name: 'welcomePermissionHostAccess', why: 'welcomePermissionHostAccessWhy' },
];

const DOES: readonly MessageKey[] = [
  'welcomeDoesNotice',
  'welcomeDoesExplain',
  'welcomeDoesAdvise',
];
const NEVER: readonly MessageKey[] = [
  'welcomeNeverSends',
  'welcomeNeverTelemetry',
  'welcomeNeverReads',
];

/** The page a first install opens: what Gateway Doctor does and never does, its permissions, and host access. */
export function Welcome({ hostAccess, onRequestHostAccess, permissions }: WelcomeProps) {
  const t = useT();
  const requested = PERMISSION_REASONS.filter(({ id }) => permissions.includes(id));
  return (
    <div class="mx-auto flex max-w-2xl flex-col gap-8 px-6 py-10">
      <header class="flex flex-col gap-2">
        <h1 class="m-0 text-2xl font-bold">{t('welcomePageTitle')}</h1>
        <p class="m-0 text-lg">{t('welcomeIntro')}</p>
      </header>
      <main class="flex flex-col gap-8">
        <HostAccessRequest view={hostAccess} onRequest={onRequestHostAccess} />
        <ListSection id="welcome-does" heading="welcomeDoesHeading" items={DOES} />
        <ListSection id="welcome-never" heading="welcomeNeverHeading" items={NEVER} />
        <section aria-labelledby="welcome-permissions" class="flex flex-col gap-3">
          <h2 id="welcome-permissions" class="m-0 text-lg font-semibold">
            {t('welcomePermissionsHeading')}
          </h2>
          <dl class="m-0 flex flex-col gap-3">
            {requested.map(({ id, name, why }) => (
              <div key={id}>
                <dt class="font-semibold">
                  {t(name)}{' '}
                  <code class="rounded bg-slate-100 px-1 text-sm font-normal text-slate-800 dark:bg-slate-800 dark:text-slate-200">
                    {id}
                  </code>
                </dt>
                <dd class="m-0 text-slate-700 dark:text-slate-300">{t(why)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="welcome-settings" class="flex flex-col gap-3">
          <h2 id="welcome-settings" class="m-0 text-lg font-semibold">
            {t('welcomeSettingsHeading')}
          </h2>
          <p class="m-0">{t('welcomeSettingsText')}</p>
          <p class="m-0">
            <a
              href="options.html"
              class={`rounded-sm font-semibold text-blue-700 underline underline-offset-2 dark:text-blue-300 ${FOCUS}`}
            >
              {t('welcomeSettingsLink')}
            </a>
          </p>
        </section>
      </main>
    </div>
  );
}

function ListSection({
  id,
  heading,
  items,
}: {
  id: string;
  heading: MessageKey;
  items: readonly MessageKey[];
}) {
  const t = useT();
  return (
    <section aria-labelledby={id} class="flex flex-col gap-3">
      <h2 id={id} class="m-0 text-lg font-semibold">
        {t(heading)}
      </h2>
      <ul class="m-0 flex list-disc flex-col gap-2 pl-6">
        {items.map((item) => (
          <li key={item}>{t(item)}</li>
        ))}
      </ul>
    </section>
  );
}
