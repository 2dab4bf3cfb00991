import { render } from 'preact';
import { App } from './App';
import { downloadFile } from './download';
import { translate } from '@/lib/platform/i18n';
import { createOptionsState } from '@/lib/state/options';
import './style.css';

const root = document.getElementById('app');
if (root) {
  document.title = translate({ key: 'optionsPageTitle' });
  // The language the page's text is in: the browser's, when Gateway Doctor speaks it, or English.
  document.documentElement.lang = translate({ key: 'pageLanguage' });
  const state = createOptionsState({ download: downloadFile });
  render(<App state={state} browser={import.meta.env.FIREFOX ? 'firefox' : 'chrome'} />, root);
  addEventListener('pagehide', state.dispose);
  void state.load();
}
