import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { checkProgress } from '@/lib/platform/check-progress';
import { serveMessages } from '@/lib/platform/messages';
import { tabIncidents } from '@/lib/platform/tab-incidents';
import { onHeaders, onNetworkError, onResponse } from './detect';
import { handlers } from './handlers';
import { onInstalled, refreshHostAccess } from './host-access';
import { storeEngineWhileInstalling } from '@/lib/platform/engine';
import { onHostAccessChanged } from '@/lib/platform/host-access';
import { onPermissionChanged } from '@/lib/platform/permission-changes';
import { refreshTabInTurn, showMissedFailures } from './show';
import { listenToNotificationClicks, onWatchAlarm, rearmWatches } from './watch';

const WEB = { urls: ['http://*/*', 'https://*/*'] };

// Every listener is added synchronously here: a listener added after an await misses the event that woke the worker.
export default defineBackground(() => {
  storeEngineWhileInstalling();
  browser.webRequest.onCompleted.addListener(
    (details) => void onResponse(details),
    { ...WEB, types: ['main_frame', 'sub_frame', 'xmlhttprequest'] },
    ['responseHeaders'],
  );
  browser.webRequest.onHeadersReceived.addListener(
    (details) => void onHeaders(details),
    { ...WEB, types: ['main_frame'] },
    ['responseHeaders'],
  );
  browser.webRequest.onErrorOccurred.addListener((details) => void onNetworkError(details), {
    ...WEB,
    types: ['main_frame'],
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'complete') void refreshTabInTurn(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabIncidents.tabClosed(tabId));
  browser.tabs.onRemoved.addListener((tabId) => void checkProgress.remove(tabId));
  browser.tabs.onReplaced.addListener((_added, removed) => void tabIncidents.tabClosed(removed));
  serveMessages(handlers);
  browser.runtime.onInstalled.addListener((details) => void onInstalled(details));
  // "Tell me when it's back": one alarm per watch, re-armed when the browser starts (alarms may not survive it).
  browser.alarms.onAlarm.addListener((alarm) => void onWatchAlarm(alarm));
  // notifications is asked for when first used: its click listener goes in now if granted, else once it is.
  listenToNotificationClicks();
  onPermissionChanged('notifications', (granted) => granted && listenToNotificationClicks());
  browser.runtime.onStartup.addListener(() => void rearmWatches());
  browser.runtime.onInstalled.addListener(() => void rearmWatches());
  // Firefox lets the user withhold host access; the toolbar says so until it is granted.
  onHostAccessChanged(() => void refreshHostAccess());
  void refreshHostAccess();
  void showMissedFailures();
});
