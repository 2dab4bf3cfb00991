/**
 * The browser closed in the middle of an incident and started again on the same profile: no tab shows a badge from
 * before, nothing of the old tabs is left in storage, the settings and the history are kept, and a running watch
 * goes on (Firefox drops every alarm at a restart; the background arms the watch's again) until the site is back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/server';
import { BROWSERS, launch, pollUntil, type ExtensionApi, type Harness } from './harness';
import { launchChromium } from './harness/chromium';
import { badgeOf, fastForward, recordOf, watchAlarms } from './extension-state';
import { clickInPanel } from './in-panel';
import { storedState } from './storage-watch';

interface StoredWatch {
  readonly id: string;
  readonly url: string;
  readonly status: string;
}

const watchesOf = async (browser: Harness) =>
  ((await browser.inExtension(storedState)).local.watches ?? []) as StoredWatch[];

/** Every open tab with its badge text. */
const badges = async (browser: Harness) => {
  const tabIds = await browser.inExtension(async (api: ExtensionApi) =>
    ((await api.tabs.query({})) as { id: number }[]).map((tab) => tab.id),
  );
  return Promise.all(
    tabIds.map(async (tabId) => ({ tabId, badge: (await browser.toolbar(tabId)).text })),
  );
};

/**
 * A gateway lab and a profile of their own for the enclosing describe block. `launch` closes the browser launched
 * before on the profile, if any, and starts one on it again: a restart. Whatever is open is closed after the block.
 */
function onOneProfile(prefix: string) {
  const profileDir = mkdtempSync(join(tmpdir(), `gd-${prefix}-`));
  let lab: Lab | undefined;
  let browser: Harness | undefined;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await browser?.close();
    await lab?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });
  return {
    get lab() {
      if (!lab) throw new Error('The gateway lab is not started: use it inside a test');
      return lab;
    },
    async launch(start: (profileDir: string) => Promise<Harness>): Promise<Harness> {
      await browser?.close();
      browser = undefined;
      browser = await start(profileDir);
      return browser;
    },
  };
}

describe.each(BROWSERS)('a restart of %s', (browserName) => {
  const profile = onOneProfile(`restart-${browserName}`);
  const start = (profileDir: string) => launch(browserName, { profileDir });

  it('leaves no stale badge or record, keeps settings, history and the watch, and the watch sees the site back', async () => {
    const { lab } = profile;
    const before = await profile.launch(start);
    // 502 for the first three requests of the run, then the healthy page.
    const url = lab.url(`/scenarios/recovers-after-failures?run=restart-${browserName}`);
    const page = await before.newPage();
    await page.goto(url);
    const tabId = await before.tabIdOf(url);
    await badgeOf(before, tabId, '502');
    await pollUntil('the watch button in the panel', async () =>
      (await clickInPanel(before, tabId, "Tell me when it's back")) ? true : undefined,
    );
    await pollUntil('the watch and its alarm', async () =>
      (await watchesOf(before)).some((w) => w.status === 'watching') &&
      (await before.inExtension(watchAlarms)).length === 1
        ? true
        : undefined,
    );
    await pollUntil('the history entry', async () =>
      Array.isArray((await before.inExtension(storedState)).local.history) ? true : undefined,
    );
    const stored = await before.inExtension(storedState);
    expect(Object.keys(stored.session)).toContain(`tab:${tabId}`);

    const after = await profile.launch(start);

    await pollUntil('the watch armed again', async () =>
      (await after.inExtension(watchAlarms)).length === 1 ? true : undefined,
    );
    const restarted = await after.inExtension(storedState);
    expect(Object.keys(restarted.session).filter((key) => key.startsWith('tab:'))).toEqual([]);
    expect(restarted.local.settings).toEqual(stored.local.settings);
    expect(restarted.local.history).toEqual(stored.local.history);
    expect(restarted.local.watches).toEqual(stored.local.watches);
    expect((await badges(after)).filter((tab) => tab.badge !== '')).toEqual([]);

    // The watch's attempts, made due one after the other: the lab's fourth request of the run (the third
    // attempt) gets the healthy page.
    await pollUntil(
      'the watch to see the site back',
      async () => {
        const [watch] = await watchesOf(after);
        if (watch?.status === 'back') return true;
        await after.inExtension(fastForward);
        return undefined;
      },
      { timeoutMs: 30_000, intervalMs: 2_000 },
    );
    expect(lab.requests({ run: `restart-${browserName}` })).toHaveLength(4);
  }, 90_000);
});

// Firefox under WebDriver BiDi opened none of the last session's tabs again (browser.startup.page 3, measured on this
// machine), so tabs brought back by session restore are tested in Chromium only. Not tested: a restored tab that fails
// again. Chromium loads restored tabs before an extension loaded from the command line has its listeners (measured:
// the lab answered the restored load with 502, the tab completed, no event reached the background).
describe('a restart of chromium that restores its tabs', () => {
  const profile = onOneProfile('restore');

  // The restored tab has a new id, but the same address: what would show a stale badge on it is a failure kept by
  // address across the restart (a failure seen without a tab is adopted by the tab that completes on its address).
  it('shows no badge on a restored tab whose site came back while the browser was closed', async () => {
    const { lab } = profile;
    const before = await profile.launch((profileDir) => launchChromium({ profileDir }));
    // 502 for the first three requests of the run: loaded three times, the page is back for its restored load.
    const recovered = lab.url('/scenarios/recovers-after-failures?run=restored-recovered');
    const page = await before.newPage();
    for (let load = 0; load < 3; load++) await page.goto(recovered);
    expect(lab.requests({ run: 'restored-recovered' })).toHaveLength(3);
    const failedTab = await before.tabIdOf(recovered);
    await badgeOf(before, failedTab, '502');
    expect(await recordOf(before, failedTab)).not.toBeNull();

    const after = await profile.launch((profileDir) =>
      launchChromium({ profileDir, restoreSession: true }),
    );
    const back = await after.tabIdOf(recovered);
    await pollUntil('the restored tab to load its page again', async () =>
      lab.requests({ run: 'restored-recovered' }).length === 4 &&
      (await after.inExtension(
        async (api: ExtensionApi, id: number) => (await api.tabs.get(id)).status === 'complete',
        back,
      ))
        ? true
        : undefined,
    );
    expect(await after.toolbar(back)).toEqual({ text: '', title: 'Gateway Doctor' });
    expect(await recordOf(after, back)).toBeNull();
  }, 60_000);
});
