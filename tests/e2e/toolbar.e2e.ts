import { describe, expect, it } from 'vitest';
import { BROWSERS, browserSession, pollUntil } from './harness';

describe.each(BROWSERS)('toolbar in %s', (browserName) => {
  const session = browserSession(browserName);
  const { fresh, open } = session;

  const badgeOf = (tabId: number, expected: string) =>
    pollUntil(`badge "${expected}" on tab ${tabId}`, async () => {
      const toolbar = await session.browser.toolbar(tabId);
      return toolbar.text === expected ? toolbar : undefined;
    });

  it.each([
    ['/scenarios/bad-gateway-html', '502'],
    ['/gateway/cloudflare-522', '522'],
    ['/gateway/aws-alb-504', '504'],
  ])('shows the status of a failed page (%s) on its own tab', async (path, status) => {
    const healthy = await open('/scenarios/healthy-page');
    const failed = await open(path);
    const toolbar = await badgeOf(failed.tabId, status);
    expect(toolbar.title).toContain(status);
    // The failure was handled after the healthy page loaded, so the healthy tab's badge is final.
    expect(await session.browser.toolbar(healthy.tabId)).toEqual({
      text: '',
      title: 'Gateway Doctor',
    });
    await failed.page.close();
    await healthy.page.close();
  });

  it('leaves a healthy page untouched and clears the badge when a failed tab recovers', async () => {
    const { page, tabId, url } = await open('/scenarios/bad-gateway-html');
    await badgeOf(tabId, '502');
    await page.goto(fresh('/scenarios/healthy-page'));
    const recovered = await session.browser.tabIdOf(await page.url());
    expect(recovered).toBe(tabId);
    await badgeOf(tabId, '');
    expect(await page.evaluate('document.querySelector("gateway-doctor") === null')).toBe(true);
    expect(url).not.toBe(await page.url());
    await page.close();
  });

  it('keeps a tab’s incident when the background is stopped, and handles the next navigation after', async () => {
    const { page, tabId } = await open('/gateway/cloudflare-502');
    await badgeOf(tabId, '502');
    await session.browser.stopBackground();

    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    const popupText = () =>
      popup.evaluate<string>('document.querySelector("main")?.textContent ?? ""');
    expect(
      await pollUntil('the popup to show the incident', async () =>
        (await popupText()).includes('502') ? true : undefined,
      ),
    ).toBe(true);
    await popup.close();

    // The navigation wakes the background, which must still clear the tab's record when the site recovers.
    await page.goto(fresh('/scenarios/healthy-page'));
    await badgeOf(tabId, '');
    const after = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await pollUntil('the popup to call the page healthy', async () =>
      (await after.evaluate<string>('document.querySelector("main")?.textContent ?? ""')).includes(
        'loaded normally',
      )
        ? true
        : undefined,
    );
    await after.close();
    await page.close();
  });
});
