import { describe, expect, it } from 'vitest';
import { BROWSERS, browserSession, pollUntil } from './harness';

/**
 * A 5xx with an empty body: Chrome shows its own bare error page, where no script can run, so Gateway Doctor shows
 * its explanation page instead. Firefox shows a blank page at the real URL, where the panel can run.
 */
describe.each(BROWSERS)('empty error pages in %s', (browserName) => {
  const session = browserSession(browserName);
  const { fresh } = session;

  const textOf = (page: { evaluate<T>(fn: string): Promise<T> }) =>
    page.evaluate<string>('document.body?.innerText ?? ""');

  it.runIf(browserName === 'chromium')(
    'replaces Chrome’s bare error page with the explanation page, whose Try again returns once the site answers',
    async () => {
      const url = fresh('/scenarios/empty-recovers-after-failures');
      const page = await session.browser.newPage();
      await page.goto(url);
      await pollUntil('the explanation page', async () =>
        (await page.url()).includes('/explain.html') ? true : undefined,
      );
      const text = await pollUntil('the explanation', async () => {
        const body = await textOf(page);
        return body.includes(url) && body.includes('502') ? body : undefined;
      });
      expect(text).toContain('Caddy');
      // The toolbar still says what failed while the explanation page stands in for the failed one.
      const tabId = await session.browser.tabIdOf(await page.url());
      await pollUntil('the badge on the explanation page', async () =>
        (await session.browser.toolbar(tabId)).text === '502' ? true : undefined,
      );

      await page.evaluate(
        '[...document.querySelectorAll("button")].find((b) => b.textContent === "Try again").click()',
      );
      await pollUntil('the retry to report the failure', async () =>
        (await textOf(page)).includes('Still failing') ? true : undefined,
      );
      expect(await page.url()).toContain('/explain.html');

      await page.evaluate(
        '[...document.querySelectorAll("button")].find((b) => b.textContent === "Try again").click()',
      );
      await pollUntil('the tab to return to the page', async () =>
        (await page.url()) === url ? true : undefined,
      );
      await pollUntil('the recovered page', async () =>
        (await textOf(page)).includes('Northwind Outfitters') ? true : undefined,
      );
      // Retry asked with GET, past the cache, before the tab went back: three requests, the last one healthy.
      const requests = session.lab.requests({ run: url.split('run=')[1] });
      expect(requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET', 'GET']);
      await page.close();
    },
  );

  it.runIf(browserName === 'chromium')(
    'does not trap the visitor: Back leaves the explanation page for good',
    async () => {
      const before = fresh('/scenarios/healthy-page');
      const url = fresh('/scenarios/bad-gateway-empty');
      const page = await session.browser.newPage();
      await page.goto(before);
      await page.goto(url);
      await pollUntil('the explanation page', async () =>
        (await page.url()).includes('/explain.html') ? true : undefined,
      );
      // Back returns to the failed URL; it fails again, and this time the bare error page stays.
      await page.evaluate('history.back()');
      await pollUntil('the failed URL', async () =>
        (await session.browser.tabIdOf(url).catch(() => undefined)) ? true : undefined,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await page.url()).not.toContain('/explain.html');
      await page.evaluate('history.back()').catch(() => undefined);
      await pollUntil('the page before', async () =>
        (await page.url()) === before ? true : undefined,
      );
      await page.close();
    },
  );

  it.runIf(browserName === 'firefox')(
    'keeps the visitor on the real URL, where the badge shows the status',
    async () => {
      const url = fresh('/scenarios/bad-gateway-empty');
      const page = await session.browser.newPage();
      await page.goto(url);
      const tabId = await session.browser.tabIdOf(url);
      await pollUntil('the badge', async () =>
        (await session.browser.toolbar(tabId)).text === '502' ? true : undefined,
      );
      expect(await page.url()).toBe(url);
      await page.close();
    },
  );
});
