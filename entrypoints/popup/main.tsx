import { render } from 'preact';
import { App } from './App';
import { createPopupState } from '@/lib/state/popup';
import './style.css';

const root = document.getElementById('app');
if (root) {
  const state = createPopupState(new URLSearchParams(location.search));
  render(<App state={state} />, root);
  void state.load();
}
