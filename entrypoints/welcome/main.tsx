import { render } from 'preact';
import { App } from './App';
import { createWelcomeState } from './state';
import { translate } from '@/lib/platform/i18n';
import { requestedPermissions } from '@/lib/platform/manifest';
import './style.css';

const root = document.getElementById('app');
if (root) {
  document.title = translate({ key: 'welcomePageTitle' });
  document.documentElement.lang = translate({ key: 'pageLanguage' });
  const state = createWelcomeState();
  render(<App state={state} permissions={requestedPermissions()} />, root);
  addEventListener('pagehide', state.dispose);
  void state.load();
}
