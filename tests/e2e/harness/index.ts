import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, Harness } from './types';

export type { BrowserName, ColorScheme, Harness, TestPage, Toolbar, ExtensionApi } from './types';
export { pollUntil } from './poll';

export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export function launch(name: BrowserName): Promise<Harness> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}
