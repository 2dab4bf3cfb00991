// Inline, not WXT's cssInjectionMode 'ui': that fetches the stylesheet when the script starts, and in Chromium the
// panel waited for the fetch after the background had answered (6 ms, about a tenth of its time to the screen).
import styles from './style.css?inline';
import { render, type VNode } from 'preact';
import { createShadowRootUi, defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import {
  ContentScriptContext,
  type ContentScriptContext as Context,
} from 'wxt/utils/content-script-context';
import { operatingSystemOf } from '@/components/diagnosis/operating-system';
import { TranslateContext } from '@/components/i18n';
import { Panel } from '@/components/panel/Panel';
import { translate } from '@/lib/platform/i18n';
import { send } from '@/lib/platform/messages';
import { createWatchClient } from '@/lib/state/watch';
import type { WatchView } from '@/lib/watch/watch';
import { panelActions } from './actions';
import { copyText } from './clipboard';
import { readPageMarkers } from './page-markers';
import { showsRealContent } from './real-content';
import { claimPage } from './single-run';
import { keepAttached, raiseToTopLayer } from './top-layer';

// Injected by the background into a main frame that failed with a body, once per navigation.
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  cssInjectionMode: 'manual',
  main: (ctx) => showPanel(ctx),
});

async function showPanel(ctx: Context): Promise<void> {
  const isAlive = () => browser.runtime?.id !== undefined;
  // WXT keeps the event's name private; its format is an implementation detail, so it is read, not rebuilt.
  const startedEvent = ContentScriptContext['SCRIPT_STARTED_MESSAGE_TYPE'];
  if (!claimPage(ctx, startedEvent, isAlive)) return;
  // Read once, first: nothing the page does afterwards can change what the panel says.
  const markers = readPageMarkers(document);
  let panel: VNode | null = null;
  const [report, ui] = await Promise.all([
    // No answer (the background could not be reached) means nothing to show, as a null report does.
    send('panelOpened', { markers }).catch(() => null),
    createShadowRootUi(ctx, {
      name: 'gateway-doctor',
      position: 'inline',
      anchor: () => document.body ?? document.documentElement,
      mode: 'closed',
      // As WXT does with a fetched stylesheet: the theme's variables are declared on :root, which is the page's.
      css: styles.replaceAll(':root', ':host'),
      // Keys typed in the panel stay in it: the page's shortcuts must not fire, nor see Escape.
      isolateEvents: true,
      onMount: (container) => {
        container.className = 'panel-root';
        container.lang = browser.i18n.getUILanguage();
        container.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
        render(panel, container);
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    }),
  ]);
  const page = report?.incident.page;
  if (!report || !page || ctx.isInvalid) return;

  const container = ui.uiContainer;
  const actions = panelActions(report, { send, copy: (text) => copyText(text, container) });
  const close = () => {
    stopKeeping();
    watch.dispose();
    ui.remove();
  };
  const os = operatingSystemOf({
    platform: (navigator as { userAgentData?: { platform?: string } }).userAgentData?.platform,
    userAgent: navigator.userAgent,
  });
  // Drawn again with each answer about the watch; Preact keeps the panel's own state (card or pill) across.
  const draw = (watching: WatchView) => {
    panel = (
      <TranslateContext.Provider value={translate}>
        <Panel
          diagnosis={report.diagnosis}
          pageUrl={page.url}
          mode={showsRealContent(markers, report.diagnosis) ? 'notice' : 'card'}
          os={os}
          actions={{
            ...actions,
            watch: { view: watching, onWatch: watch.start, onStop: watch.stop },
          }}
          onIgnoreSite={() => void send('ignoreSite', {}).catch(() => undefined)}
          onClose={close}
        />
      </TranslateContext.Provider>
    );
    if (ui.mounted) render(panel, container);
  };
  // The tab is this content script's own: the background knows which page failed in it.
  const watch = createWatchClient({}, draw, {
    setTimer: (run, ms) => ctx.setTimeout(run, ms),
    clearTimer: clearTimeout,
  });
  watch.follow(report.watch);
  ui.mount();
  raiseToTopLayer(container);
  const stopKeeping = keepAttached(
    ui.shadowHost,
    () => {
      (document.body ?? document.documentElement).append(ui.shadowHost);
      raiseToTopLayer(container);
    },
    ctx,
  );
}
