import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import { createPopupState } from '@/lib/state/popup';
import './style.css';

const root = document.getElementById('app');
if (root) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  const state = createPopupState(new URLSearchParams(location.search));
  render(<App state={state} />, root);
  void state.load();
}
