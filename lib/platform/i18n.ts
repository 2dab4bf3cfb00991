import { browser } from 'wxt/browser';
import { renderSubstitutions, type Translate } from '../i18n/messages';

/** Renders a message in the browser's UI language. */
export const translate: Translate = ({ key, subs = [] }) =>
  browser.i18n.getMessage(key, renderSubstitutions(subs, translate));
