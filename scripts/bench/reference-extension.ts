/**
 * The benchmark's reference extension: the permissions and webRequest listeners of Gateway Doctor's background
 * (entrypoints/background/index.ts: the same events, filters and extra info), with listeners that do nothing. A
 * browser with it pays what the browser itself charges any extension that watches responses; the gap between it and
 * Gateway Doctor is what our own listeners cost.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserName } from '../../tests/e2e/harness';

const BACKGROUND = `// Gateway Doctor's webRequest listeners, registered the same way, doing nothing.
const api = globalThis.browser ?? globalThis.chrome;
const web = { urls: ['http://*/*', 'https://*/*'] };
api.webRequest.onCompleted.addListener(() => {}, { ...web, types: ['main_frame', 'sub_frame', 'xmlhttprequest'] }, ['responseHeaders']);
api.webRequest.onHeadersReceived.addListener(() => {}, { ...web, types: ['main_frame'] }, ['responseHeaders']);
api.webRequest.onErrorOccurred.addListener(() => {}, { ...web, types: ['main_frame'] });
`;

/** Writes the reference extension for one browser into a new temporary folder, and returns the folder. */
export function writeReferenceExtension(browser: BrowserName, background = BACKGROUND): string {
  const dir = mkdtempSync(join(tmpdir(), `gd-reference-${browser}-`));
  const manifest = {
    manifest_version: 3,
    name: 'Empty webRequest listeners (Gateway Doctor benchmark reference)',
    version: '1.0',
    permissions: ['webRequest', 'storage', 'scripting'],
    host_permissions: ['<all_urls>'],
    ...(browser === 'chromium'
      ? { background: { service_worker: 'background.js' } }
      : {
          background: { scripts: ['background.js'] },
          browser_specific_settings: { gecko: { id: 'empty-listeners@gateway-doctor.dev' } },
        }),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), background);
  return dir;
}
