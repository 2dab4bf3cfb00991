import { describe, expect, it } from 'vitest';
import { BROWSERS, browserSession, pollUntil, type TestPage } from './harness';

/**
 * The browser stops an idle background whenever it likes, also while the popup waits on it: a check under way when
 * that happens must end in words (what it found, or that it could not run), never hang, keep what the incident's
 * earlier checks found, and run again once the background is back. The lab's slow 504 keeps the check in flight.
 */
describe.each(BROWSERS)('a check interrupted by the background stopping, in %s', (browserName) => {
  const session = browserSession(browserName);
  const SLOW = '/scenarios/gateway-timeout-slow?delay=2500';

  const outcomeOf = (popup: TestPage, check: string) =>
    popup.evaluate<string>(`document.querySelector('#${check} [role=status]')?.textContent ?? ''`);
  const press = (popup: TestPage, check: string, label: string) =>
    popup.evaluate(
      ([id, name]: [string, string]) =>
        ([...document.querySelectorAll(`#${id} button`)] as HTMLElement[])
          .find((button) => button.textContent?.trim() === name)
          ?.click(),
      [check, label] as never,
    );
  async function openPopup(tabId: number) {
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await pollUntil('the popup’s checks', async () =>
      (await popup.evaluate<boolean>('!!document.querySelector("#check-retry button")'))
        ? true
        : undefined,
    );
    return popup;
  }

  it('ends in words, keeps the earlier checks, and runs again once the background is back', async () => {
    const { page, tabId, url } = await session.open(SLOW);
    const run = new URL(url).searchParams.get('run');
    let popup = await openPopup(tabId);
    await press(popup, 'check-reload', 'Reload without cache');
    const reloaded = await pollUntil('the reload check to be kept', async () => {
      const text = await outcomeOf(popup, 'check-reload');
      return text.startsWith('Reloaded without the cache at') ? text : undefined;
    });
    await pollUntil('the tab to finish reloading', async () =>
      session.lab.requests({ run: run ?? '' }).length === 2 &&
      (await session.browser.toolbar(tabId)).text === '504'
        ? true
        : undefined,
    );

    await press(popup, 'check-retry', 'Try again');
    await pollUntil('the retry to reach the site', async () =>
      session.lab.requests({ run: run ?? '' }).length === 3 ? true : undefined,
    );
    await session.browser.stopBackground();
    const ended = await pollUntil(
      'the interrupted check to end in words',
      async () => {
        const text = await outcomeOf(popup, 'check-retry');
        return /^(Still failing|This check did not finish)/.test(text) ? text : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(ended).toMatch(
      /^(Still failing at .*: the site answered 504\.|This check did not finish: .+ Press its button again\.)/,
    );

    await popup.close();
    popup = await openPopup(tabId);
    expect(await outcomeOf(popup, 'check-reload')).toBe(reloaded);
    await press(popup, 'check-retry', 'Try again');
    expect(
      await pollUntil(
        'the retry to run again',
        async () => {
          const text = await outcomeOf(popup, 'check-retry');
          return text.startsWith('Still failing') ? text : undefined;
        },
        { timeoutMs: 15_000 },
      ),
    ).toMatch(/the site answered 504\./);
    await popup.close();
    await page.close();
  });
});
