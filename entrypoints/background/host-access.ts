import { browser } from 'wxt/browser';
import { message } from '@/lib/i18n/messages';
import { hasHostAccess } from '@/lib/platform/host-access';
import { translate } from '@/lib/platform/i18n';

export const WELCOME_PAGE = '/welcome.html';

/** Blue, not a failure's red or amber: the one thing to fix here is a setting of the user's, not a site. */
const NO_HOST_ACCESS_COLOR = '#1d4ed8';

const defaults = {
  tabs: browser.tabs as Pick<typeof browser.tabs, 'create'>,
  runtime: browser.runtime as Pick<typeof browser.runtime, 'getURL'>,
  action: browser.action as Pick<
    typeof browser.action,
    'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'
  >,
  hasHostAccess,
  translate,
};
export type HostAccessDeps = typeof defaults;

/**
 * Greets a first install only: an update or a browser update must not open a tab. The welcome page also asks for
 * host access when the user withheld it at install (Firefox offers that).
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/runtime/OnInstalledReason
 */
export async function onInstalled(
  details: { reason: string },
  { tabs, runtime }: Pick<HostAccessDeps, 'tabs' | 'runtime'> = defaults,
): Promise<void> {
  if (details.reason !== 'install') return;
  await tabs.create({ url: runtime.getURL(WELCOME_PAGE) });
}

/**
 * Without host access the extension sees no response at all, so every tab says so: the global badge and title, which
 * a failed tab's own badge still overrides. The idle title is set back rather than cleared, because Chrome's
 * setTitle takes no null. Idempotent: run it at every start of the background and on every permissions change.
 * https://developer.chrome.com/docs/extensions/reference/api/action#method-setBadgeText
 */
export async function refreshHostAccess({
  action,
  hasHostAccess,
  translate,
}: Pick<HostAccessDeps, 'action' | 'hasHostAccess' | 'translate'> = defaults): Promise<void> {
  const granted = await hasHostAccess();
  await Promise.all([
    action.setBadgeText({ text: granted ? '' : '!' }),
    action.setBadgeBackgroundColor({ color: NO_HOST_ACCESS_COLOR }),
    action.setTitle({
      title: translate(message(granted ? 'actionTitleIdle' : 'actionTitleNoHostAccess')),
    }),
  ]);
}
