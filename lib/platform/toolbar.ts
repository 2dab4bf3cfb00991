import { browser } from 'wxt/browser';
export interface BadgeView {
  readonly text: string;
  readonly color: string;
}

/**
 * The toolbar button of one tab. Both browsers reset a tab's badge and title when it navigates, so only failures are
 * ever set here. A tab can close while a write is in flight: that is not an error worth reporting.
 */
export async function showOnToolbar(tabId: number, badge: BadgeView, title: string): Promise<void> {
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      browser.action.setTitle({ tabId, title }),
    ]);
  } catch (error) {
    if (!(await tabExists(tabId))) return;
    throw error;
  }
}

/** Back to the idle look: no badge, the default title. */
export async function clearToolbar(tabId: number): Promise<void> {
  await showOnToolbar(
    tabId,
    { text: '', color: '#00000000' },
    browser.i18n.getMessage('actionTitleIdle'),
  );
}

async function tabExists(tabId: number): Promise<boolean> {
  try {
    await browser.tabs.get(tabId);
    return true;
  } catch {
    return false;
  }
}
