import { render } from 'preact';
import { App } from './App';
import { createWelcomeState } from './state';
import { translate } from '@/lib/platform/i18n';
import './style.css';

const root = document.getElementById('app');
if (root) {
  document.title = translate({ key: 'welcomePageTitle' });
  const state = createWelcomeState();
  render(<App state={state} />, root);
  addEventListener('pagehide', state.dispose);
  void state.load();
}
