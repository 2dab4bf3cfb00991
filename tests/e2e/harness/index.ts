import type { BrowserName } from './types';

export type {
  BrowserName,
  CannedAnswer,
  ColorScheme,
  ExtensionApi,
  Harness,
  InjectionWatch,
  LaunchOptions,
  PlainBrowser,
  TestPage,
  Toolbar,
} from './types';
export { forEachAtOnce, pollUntil } from './poll';
export { browserSession, launch, type BrowserSession } from './session';

export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];
