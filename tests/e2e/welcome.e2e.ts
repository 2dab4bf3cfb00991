import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  browserSession,
  pollUntil,
  type ExtensionApi,
  type Harness,
  type TestPage,
} from './harness';

const WELCOME = 'welcome.html';
const REQUEST_BUTTON = 'Allow access to all sites';

/** What a page shows a visitor: its main text, and the labels of its buttons. */
const textOf = (page: TestPage) => page.evaluate<string>('document.body.innerText');
const buttonsOf = (page: TestPage) =>
  page.evaluate<string[]>('[...document.querySelectorAll("button")].map((b) => b.textContent)');

const globalToolbar = (browser: Harness) =>
  browser.inExtension(async (api: ExtensionApi) => ({
    text: await api.action.getBadgeText({}),
    title: await api.action.getTitle({}),
  }));

describe.each(BROWSERS)('welcome page in %s', (browserName) => {
  const session = browserSession(browserName, { withLab: false });

  it('opens once, by itself, when the extension is installed', async () => {
    const welcomeUrl = `${session.browser.extensionOrigin}/${WELCOME}`;
    const tabs = await pollUntil('the welcome tab to open', async () => {
      const found = await session.browser.inExtension(
        async (api: ExtensionApi, url: string) =>
          ((await api.tabs.query({})) as { url?: string }[]).filter((tab) => tab.url === url),
        welcomeUrl,
      );
      return found.length > 0 ? found : undefined;
    });
    expect(tabs).toHaveLength(1);
  });

  it('says what Gateway Doctor does, what it never does, and why it needs each permission', async () => {
    const page = await session.browser.openExtensionPage(WELCOME);
    const text = await pollUntil('the welcome page to render', async () => {
      const shown = await textOf(page);
      return shown.includes('What it never does') ? shown : undefined;
    });
    expect(await page.evaluate('document.title')).toBe('Welcome to Gateway Doctor');
    expect(text).toContain('explains it in plain words');
    expect(text).toContain('Nothing leaves your browser unless you click for it.');
    expect(text).toContain('No telemetry');
    // Every permission the built manifest asks for, each with its reason; and a link to the settings.
    const manifest = await session.browser.inExtension((api: ExtensionApi) => {
      const {
        permissions = [],
        optional_permissions = [],
        host_permissions = [],
      } = api.runtime.getManifest();
      return [...permissions, ...optional_permissions, ...host_permissions] as string[];
    });
    const listed = await page.evaluate<{ id: string; why: string }[]>(
      '[...document.querySelectorAll("dt")].map((dt) => ({ id: dt.querySelector("code")?.textContent, why: dt.nextElementSibling?.textContent ?? "" }))',
    );
    expect(listed.map(({ id }) => id).sort()).toEqual([...manifest].sort());
    for (const { id, why } of listed) expect(why.length, id).toBeGreaterThan(40);
    expect(
      await page.evaluate('document.querySelector("a[href=\'options.html\']")?.textContent'),
    ).toBe('Open the settings');
    await page.close();
  });

  it('has access to all sites after install, so asks for nothing and marks no tab', async () => {
    const page = await session.browser.openExtensionPage(WELCOME);
    await pollUntil('the page to say it is ready', async () =>
      (await textOf(page)).includes('Gateway Doctor is ready') ? true : undefined,
    );
    expect(await buttonsOf(page)).not.toContain(REQUEST_BUTTON);
    expect(await globalToolbar(session.browser)).toEqual({ text: '', title: 'Gateway Doctor' });
    await page.close();
  });

  // Chrome will not remove a permission the manifest requires; Firefox lets the user withdraw host access.
  it.runIf(browserName === 'firefox')(
    'asks for access to all sites once it is withdrawn, and marks the toolbar',
    async () => {
      const alreadyOpen = await session.browser.openExtensionPage(WELCOME);
      await pollUntil('the page to say it is ready', async () =>
        (await textOf(alreadyOpen)).includes('Gateway Doctor is ready') ? true : undefined,
      );

      const removed = await session.browser.inExtension((api: ExtensionApi) =>
        api.permissions.remove({ origins: ['<all_urls>'] }),
      );
      expect(removed).toBe(true);

      // The open page follows the change, and a page opened now starts with the request.
      for (const page of [alreadyOpen, await session.browser.openExtensionPage(WELCOME)]) {
        await pollUntil('the request for host access', async () =>
          (await buttonsOf(page)).includes(REQUEST_BUTTON) ? true : undefined,
        );
        expect(await textOf(page)).toContain('cannot notice any error yet');
        await page.close();
      }

      const toolbar = await pollUntil('the toolbar to say access is missing', async () => {
        const now = await globalToolbar(session.browser);
        return now.text === '!' ? now : undefined;
      });
      expect(toolbar.title).toBe(
        'Gateway Doctor cannot see any site: allow it access to all sites so it can notice their errors.',
      );
    },
  );
});
