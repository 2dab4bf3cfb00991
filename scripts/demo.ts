/**
 * `npm run demo`: builds the extension, starts the gateway lab and opens Chromium with Gateway Doctor loaded on the
 * lab's index of scenarios, so a newcomer can click through real gateway failures.
 * `npm run demo -- --headless --screenshots DIR`: for machines without a display, visits every scenario page and
 * writes a screenshot of the page and of the popup for each; `--only id,id` limits it to those pages (ids as the
 * screenshots are named: a scenario's id, or `gateway-<fixture>` for a replay).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { ROOT } from '../tests/e2e/harness/paths';
import { pollUntil } from '../tests/e2e/harness/poll';
import type { ExtensionApi, Harness } from '../tests/e2e/harness/types';
import { startLab, type Lab } from '../tests/lab/server';

const { values: options } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshots: { type: 'string' },
    port: { type: 'string', default: '8787' },
    only: { type: 'string' },
  },
});

if (!options.headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'demo: no display to open a browser window on. On a machine without one, run\n' +
      '  npm run demo -- --headless --screenshots demo-screenshots',
  );
  process.exit(2);
}

console.log('demo: building the extension for Chromium…');
execFileSync(resolve(ROOT, 'node_modules/.bin/wxt'), ['build'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
});

const lab = await startLab({ port: Number(options.port) });
console.log(
  `demo: gateway lab on ${lab.origin}/ (${lab.scenarios.length} scenarios, ${lab.replays.length} replays)`,
);
const browser = await launchChromium({ headless: options.headless });
console.log(`demo: Chromium running with Gateway Doctor (${browser.extensionOrigin})`);

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await browser.close().catch(() => {});
  await lab.close().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

if (options.screenshots) {
  await screenshotEveryScenario(lab, browser, resolve(options.screenshots));
  await stop();
} else {
  const index = await browser.newPage();
  await index.goto(`${lab.origin}/`);
  console.log(
    'demo: click through the scenarios in the browser window; Ctrl-C here stops everything.',
  );
}

/** Pages a visitor would open: every scenario but the building blocks other pages embed, and every replay. */
function demoPages(lab: Lab, only = options.only?.split(',')): { id: string; path: string }[] {
  const pages = [
    ...lab.scenarios
      .filter((s) => s.group !== 'Building blocks')
      .map((s) => ({ id: s.id, path: s.path })),
    ...lab.replays.map((r) => ({ id: `gateway-${r.id}`, path: `/gateway/${r.id}` })),
  ];
  if (!only) return pages;
  const unknown = only.filter((id) => !pages.some((page) => page.id === id));
  if (unknown.length > 0) throw new Error(`demo: no page named ${unknown.join(', ')}`);
  return pages.filter((page) => only.includes(page.id));
}

async function screenshotEveryScenario(lab: Lab, browser: Harness, dir: string) {
  mkdirSync(dir, { recursive: true });
  for (const { id, path } of demoPages(lab)) {
    const url = lab.url(`${path}${path.includes('?') ? '&' : '?'}run=demo-${id}`);
    const page = await browser.newPage();
    await page.goto(url);
    const tabId = await settledTab(browser, url);
    await page.screenshot(`${dir}/${id}.png`);
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.screenshot(`${dir}/${id}-popup.png`, 'main');
    const { text } = await browser.toolbar(tabId);
    console.log(`  ${id.padEnd(52)} badge ${text || '-'}`);
    await popup.close();
    await page.close();
  }
  console.log(`demo: screenshots of each page and its popup are in ${dir}`);
}

/**
 * The tab that loaded `url`, once Gateway Doctor has had its say: a badge on it, the explanation page in its place
 * (Chrome's bare error page), or a quiet moment for a page that needs nothing.
 */
async function settledTab(browser: Harness, url: string): Promise<number> {
  const quietAfter = Date.now() + 1_000;
  return pollUntil(`the tab of ${url} to settle`, async () => {
    const tab = await browser.inExtension(
      async (api: ExtensionApi, wanted: { url: string; explained: string }) => {
        const tabs: { id: number; url?: string; status?: string }[] = await api.tabs.query({});
        const found = tabs.find(
          (t) => t.url === wanted.url || t.url === `${wanted.explained}${t.id}`,
        );
        if (!found || found.status !== 'complete') return undefined;
        const badge: string = await api.action.getBadgeText({ tabId: found.id });
        return { id: found.id, explained: found.url !== wanted.url, badge };
      },
      { url, explained: `${browser.extensionOrigin}/explain.html?tabId=` },
    );
    if (tab && (tab.explained || tab.badge !== '' || Date.now() > quietAfter)) return tab.id;
    return undefined;
  });
}
