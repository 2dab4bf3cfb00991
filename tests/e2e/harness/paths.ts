import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const BUILDS = {
  chromium: join(ROOT, '.output', 'chrome-mv3'),
  firefox: join(ROOT, '.output', 'firefox-mv3'),
};

const INSTALL = {
  chromium: 'apt-get install chromium (Debian), or set CHROME_PATH to a Chromium or Chrome binary',
  firefox: 'apt-get install firefox-esr (Debian), or set FIREFOX_PATH to a Firefox binary',
};
// /usr/bin/chromium is Debian's wrapper script, which adds an --load-extension of its own: launch the real binary.
const CANDIDATES = {
  chromium: ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'],
};

export function browserExecutable(name: 'chromium' | 'firefox', env = process.env): string {
  const override = name === 'chromium' ? env.CHROME_PATH : env.FIREFOX_PATH;
  if (override) {
    if (!existsSync(override)) {
      throw new Error(
        `${name === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH'}=${override} does not exist.`,
      );
    }
    return override;
  }
  const found = CANDIDATES[name].find((path) => existsSync(path));
  if (!found)
    throw new Error(
      `${name} was not found (looked in ${CANDIDATES[name].join(', ')}). Install it: ${INSTALL[name]}.`,
    );
  return found;
}

export function builtExtension(name: 'chromium' | 'firefox'): string {
  const dir = BUILDS[name];
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${dir}: run \`npm run build\` first (npm run test:e2e does).`,
    );
  }
  return dir;
}
