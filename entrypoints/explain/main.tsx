import { render } from 'preact';
import { App } from './App';
import { createExplainState } from '@/lib/state/explain';
import './style.css';

const root = document.getElementById('app');
if (root) {
  const state = createExplainState(new URLSearchParams(location.search));
  render(<App state={state} />, root);
  void state.load();
}
