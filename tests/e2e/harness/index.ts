import type { BrowserName } from './types';

export type {
  BrowserName,
  ColorScheme,
  Harness,
  InjectionWatch,
  PlainBrowser,
  TestPage,
  Toolbar,
  ExtensionApi,
} from './types';
export { pollUntil } from './poll';
export { browserSession, launch, type BrowserSession } from './session';

export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];
