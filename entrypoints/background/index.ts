import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { recordMainFrame, showIfReady } from './incidents';
import { tabIncidents } from '@/lib/platform/tab-incidents';

// Every listener is added synchronously here: a listener added after an await misses the event that woke the worker.
export default defineBackground(() => {
  browser.webRequest.onCompleted.addListener(
    (request) => void recordMainFrame(request),
    { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] },
    ['responseHeaders'],
  );
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'complete') void showIfReady(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabIncidents.remove(tabId));
});
