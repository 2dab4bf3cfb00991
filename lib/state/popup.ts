import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { send, type TabReport } from '../platform/messages';

export type PopupView =
  | { readonly kind: 'loading' }
  | { readonly kind: 'no-tab' }
  | { readonly kind: 'healthy'; readonly url: string | undefined }
  | { readonly kind: 'failed'; readonly report: TabReport };

/**
 * The popup's state. `?tabId=N` names the tab to show (tests, and the popup opened in a tab); otherwise it is the
 * active tab of the window the popup belongs to.
 */
export function createPopupState(
  query: URLSearchParams,
  { tabs = browser.tabs as Pick<typeof browser.tabs, 'get' | 'query'>, sendMessage = send } = {},
) {
  const view = signal<PopupView>({ kind: 'loading' });

  async function targetTab() {
    const named = Number(query.get('tabId'));
    if (query.has('tabId'))
      return Number.isInteger(named) && named >= 0
        ? tabs.get(named).catch(() => undefined)
        : undefined;
    const [active] = await tabs.query({ active: true, currentWindow: true });
    return active;
  }

  async function load() {
    const tab = await targetTab();
    if (tab?.id === undefined) {
      view.value = { kind: 'no-tab' };
      return;
    }
    const report = await sendMessage('tabReport', { tabId: tab.id });
    view.value = report ? { kind: 'failed', report } : { kind: 'healthy', url: tab.url };
  }

  return { view, load };
}

export type PopupState = ReturnType<typeof createPopupState>;
