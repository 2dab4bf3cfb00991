import { browser } from 'wxt/browser';
import type { Translate } from '../i18n/messages';

/** Renders a message in the browser's UI language. */
export const translate: Translate = ({ key, subs = [] }) =>
  browser.i18n.getMessage(
    key,
    subs.map((sub) => String(sub)),
  );
