/**
 * The README's and the stores' screenshots: Gateway Doctor on the gateway lab's real failures, in Chromium and Firefox,
 * light scheme, 1280x800, written to store/screenshots/<browser>-<case>.png, then the options page with the history
 * those visits recorded, plus the popup on the Cloudflare case. Builds both browsers' packages first, so the pictures
 * show the code as it is. `npx tsx scripts/screenshots.ts`
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  launch,
  pollUntil,
  type BrowserName,
  type ExtensionApi,
  type Harness,
} from '../tests/e2e/harness';
import { ROOT } from '../tests/e2e/harness/paths';
import { startLab, type Lab } from '../tests/lab/server';

const OUT = join(ROOT, 'store', 'screenshots');
/** The panel enters over 160 ms; this leaves it settled. */
const SETTLE_MS = 500;

/**
 * `empty-502` is a 502 with no body: Chrome shows its own error page, where no script runs, so Gateway Doctor opens
 * its explanation page; Firefox shows a blank page at the real URL, and the panel over it.
 */
const CASES = [
  { name: 'cloudflare-522', path: '/gateway/cloudflare-522' },
  { name: 'nginx-502', path: '/gateway/nginx-502-chrome' },
  { name: 'empty-502', path: '/scenarios/bad-gateway-empty' },
] as const;

const wxt = join(ROOT, 'node_modules', '.bin', 'wxt');
console.log('screenshots: building the extension for Chromium and Firefox…');
for (const args of [['build'], ['build', '-b', 'firefox', '--mv3']])
  execFileSync(wxt, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

mkdirSync(OUT, { recursive: true });
const lab = await startLab();
try {
  for (const browserName of ['chromium', 'firefox'] satisfies BrowserName[]) {
    const browser = await launch(browserName);
    try {
      // Each case its own entry in the history (by origin, the lab's pages would all be one site).
      await browser.inExtension((api: ExtensionApi) =>
        api.storage.local.set({ settings: { historyMode: 'full' } }),
      );
      await screenshotCases(browser, lab);
      await screenshotOptions(browser, lab);
      if (browserName === 'chromium') await screenshotPopup(browser, lab);
    } finally {
      await browser.close();
    }
  }
} finally {
  await lab.close();
}

async function screenshotCases(browser: Harness, lab: Lab) {
  for (const { name, path } of CASES) {
    // No ?run= token: the explanation page shows the URL, and none of these cases counts failures.
    const url = lab.url(path);
    const page = await browser.newPage();
    await page.emulateColorScheme('light');
    await page.goto(url);
    await pollUntil(`Gateway Doctor on ${path} in ${browser.name}`, async () => {
      const shown = (await page.url()).includes('/explain.html')
        ? 'document.body.innerText.includes("502")'
        : 'document.querySelector("gateway-doctor") !== null';
      return (await page.evaluate<boolean>(shown)) || undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await save(`${browser.name}-${name}.png`, (path) => page.screenshot(path));
    await page.close();
  }
}

/**
 * The options page at its history, with what the cases recorded. One more failure, then its tab loading the lab's
 * healthy page, shows the site coming back: the history marks every open incident of the origin recovered. Firefox
 * now and then reports a navigation without its tab (tabId -1), which no recovery can be tied to: then fail and
 * recover again, a few times at most.
 */
async function screenshotOptions(browser: Harness, lab: Lab) {
  const failing = lab.url('/gateway/aws-alb-504');
  const recovered = async () => {
    const { history } = await browser.inExtension((api: ExtensionApi) =>
      api.storage.local.get('history'),
    );
    return ((history ?? []) as { recoveredAt: number | null }[]).every(
      (entry) => entry.recoveredAt,
    );
  };
  for (let attempt = 1; !(await recovered()); attempt++) {
    if (attempt > 3) throw new Error('The history never saw the lab recover');
    const page = await browser.newPage();
    await page.goto(failing);
    const tabId = await browser.tabIdOf(failing);
    await pollUntil('the badge', async () =>
      (await browser.toolbar(tabId)).text === '504' ? true : undefined,
    );
    await page.goto(lab.url('/scenarios/healthy-page'));
    await pollUntil('the recovery', async () => ((await recovered()) ? true : undefined), {
      timeoutMs: 3_000,
    }).catch(() => undefined);
    await page.close();
  }
  const options = await browser.openExtensionPage('options.html');
  await options.emulateColorScheme('light');
  await pollUntil('the history', async () =>
    (await options.evaluate<string>('document.body.innerText')).includes('Back after')
      ? true
      : undefined,
  );
  await options.evaluate('document.getElementById("history-heading").scrollIntoView()');
  await save(`${browser.name}-options.png`, (path) => options.screenshot(path));
  await options.close();
}

/** The popup as the toolbar opens it on a failed tab: only its content, which the README shows at its own size. */
async function screenshotPopup(browser: Harness, lab: Lab) {
  const url = lab.url('/gateway/cloudflare-522');
  const page = await browser.newPage();
  await page.goto(url);
  const tabId = await browser.tabIdOf(url);
  // The popup asks for the tab's report once, when it opens: wait until the background has one.
  await pollUntil('the badge', async () =>
    (await browser.toolbar(tabId)).text === '522' ? true : undefined,
  );
  const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
  await popup.emulateColorScheme('light');
  await pollUntil('the popup to show the failure', async () =>
    (await popup.evaluate<string>('document.body.innerText')).includes('522') ? true : undefined,
  );
  await save('popup-cloudflare-522.png', (path) => popup.screenshot(path, 'main'));
  await popup.close();
  await page.close();
}

async function save(file: string, take: (path: string) => Promise<void>) {
  const path = join(OUT, file);
  await take(path);
  console.log(`  ${file}: ${Math.round(statSync(path).size / 1024)} KB`);
}
