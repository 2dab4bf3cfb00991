import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  browserSession,
  pollUntil,
  type ColorScheme,
  type ExtensionApi,
  type TestPage,
} from './harness';

/*
 * axe-core scans of the panel and of the extension's pages, in both browsers and both colour schemes: no serious or
 * critical violation may ship.
 *
 * The panel lives in a CLOSED shadow root, which axe, running in the page, cannot enter; and axe cannot be brought
 * into the extension's isolated world either: executeScript runs only files from the package or one serialised
 * function, and MV3 forbids eval there, so axe's source cannot travel as an argument. So the panel is copied as
 * rendered: its shadow root's markup and stylesheets are read in the isolated world through openOrClosedShadowRoot,
 * and rebuilt in an OPEN shadow root on a blank page of the same size and colour scheme, where axe scans it. What
 * axe judges (roles, names, colours, sizes) is all in the markup and CSS copied; the test that damages the copy
 * proves the scans fail when a name or the contrast goes.
 */

/**
 * axe-core's own build, evaluated as a script: the protocols evaluate outside a page's CSP, so it runs on the
 * extension's pages too. The completion value is a string, so no protocol tries to serialise the library.
 */
const AXE = `${readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')}\n;'axe ' + axe.version`;

const SCHEMES: readonly ColorScheme[] = ['light', 'dark'];

/** The same blank document for every copy of the panel: standards mode, English, nothing of its own to scan. */
const BLANK_PAGE =
  'data:text/html,<!doctype html><html lang="en"><meta charset="utf-8"><title>Panel copy</title><body></body></html>';

interface Scan {
  /** Which scheme the page answered `prefers-color-scheme` with while it was scanned. */
  readonly scheme: ColorScheme;
  /** Serious and critical violations: rule id, the help text, and each element at fault as axe's selector. */
  readonly violations: readonly { id: string; help: string; targets: string[] }[];
  /** Rules that found elements to check and passed them all: proof the scan saw the content. */
  readonly passes: readonly string[];
}

/**
 * Runs axe over the element matching `selector` (the whole document when null) and keeps what must not ship.
 * axe checks contrast only for text it can see, and skips text scrolled out of view inside a scrolling box (the
 * panel's card scrolls inside itself): so each scrolling area is stepped through by half its height, contrast checked
 * at each step. Self-contained, without named inner functions: the browser serialises it again.
 */
const runAxe = async (selector: string | null): Promise<Scan> => {
  type AxeRule = { id: string; impact: string; help: string; nodes: { target: string[] }[] };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const axe = (globalThis as any).axe;
  const host = selector === null ? null : document.querySelector(selector);
  if (selector !== null && !host) throw new Error(`Nothing to scan: no ${selector}`);
  const context = host ?? document;
  const results = await axe.run(context, { resultTypes: ['violations'] });
  const violations: AxeRule[] = [...results.violations];
  const scope = host?.shadowRoot ?? context;
  const scrolling = [document.scrollingElement, ...scope.querySelectorAll('*')].filter(
    (element): element is Element =>
      element !== null &&
      element.scrollHeight > element.clientHeight + 1 &&
      (element === document.scrollingElement ||
        /auto|scroll/.test(getComputedStyle(element).overflowY)),
  );
  for (const area of scrolling) {
    const step = Math.max(Math.floor(area.clientHeight / 2), 1);
    for (let top = step; top < area.scrollHeight - area.clientHeight + step; top += step) {
      area.scrollTop = top;
      const more = await axe.run(context, {
        runOnly: ['color-contrast'],
        resultTypes: ['violations'],
      });
      violations.push(...more.violations);
    }
    area.scrollTop = 0;
  }
  const byRule = new Map<string, { id: string; help: string; targets: string[] }>();
  for (const rule of violations) {
    if (rule.impact !== 'serious' && rule.impact !== 'critical') continue;
    const entry = byRule.get(rule.id) ?? { id: rule.id, help: rule.help, targets: [] };
    for (const node of rule.nodes) {
      const target = node.target.join(' >>> ');
      if (!entry.targets.includes(target)) entry.targets.push(target);
    }
    byRule.set(rule.id, entry);
  }
  return {
    scheme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
    violations: [...byRule.values()],
    passes: results.passes.map((rule: { id: string }) => rule.id),
  };
};

async function scan(page: TestPage, selector: string | null = null): Promise<Scan> {
  await page.evaluate(AXE);
  return page.evaluate(runAxe, selector);
}

/** The panel as rendered: its shadow root's markup and stylesheets, and the rules WXT put in the page for it. */
interface PanelCopy {
  readonly html: string;
  readonly adoptedCss: readonly string[];
  readonly documentCss: readonly string[];
}

/** `card`, `pill`: the panel once it shows that; `shrink`: press Escape in the card, which shrinks it to the pill. */
type PanelStep = 'card' | 'pill' | 'shrink';

/**
 * Reads the panel in the page's isolated world, the only place its closed shadow root opens
 * (chrome.dom.openOrClosedShadowRoot in Chromium, the openOrClosedShadowRoot property in Firefox). Null until the
 * panel shows what was asked for.
 */
const readPanel = (api: ExtensionApi, { tabId, step }: { tabId: number; step: PanelStep }) =>
  api.scripting
    .executeScript({
      target: { tabId, frameIds: [0] },
      args: [step],
      func: (wanted: string) => {
        const host = document.querySelector('gateway-doctor');
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const world = globalThis as any;
        const root: ShadowRoot | null | undefined =
          host &&
          (world.chrome?.dom?.openOrClosedShadowRoot
            ? world.chrome.dom.openOrClosedShadowRoot(host)
            : // eslint-disable-next-line @typescript-eslint/no-explicit-any
              (host as any).openOrClosedShadowRoot);
        if (!root?.querySelector('aside')) return null;
        const pill = root.querySelector('button[aria-expanded]');
        if (wanted === 'shrink') {
          root
            .querySelector('aside button')
            ?.dispatchEvent(
              new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
            );
          return null;
        }
        if ((wanted === 'pill') !== (pill !== null)) return null;
        return {
          html: root.innerHTML,
          adoptedCss: [...root.adoptedStyleSheets].map((sheet) =>
            [...sheet.cssRules].map((rule) => rule.cssText).join('\n'),
          ),
          documentCss: [...document.querySelectorAll('style[wxt-shadow-root-document-styles]')].map(
            (style) => style.textContent ?? '',
          ),
        };
      },
    })
    .then((results: { result?: unknown }[]) => results[0]?.result ?? null);

/**
 * Rebuilds the panel in an OPEN shadow root of a blank page, where axe can enter it: the same markup, stylesheets
 * and document rules, in the top layer as the real one is, with every <details> open so the owner section is
 * scanned too. Resolves once the entrance animation has finished, as the visitor sees the panel.
 */
const rebuildPanel = async (copy: PanelCopy) => {
  for (const css of copy.documentCss) {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
  }
  const host = document.createElement('gateway-doctor');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = copy.html;
  root.adoptedStyleSheets = copy.adoptedCss.map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  document.body.append(host);
  root.querySelectorAll('details').forEach((details) => (details.open = true));
  root.querySelectorAll<HTMLElement>('[popover]').forEach((element) => element.showPopover());
  await Promise.all(root.getAnimations().map((animation) => animation.finished));
  return root.querySelectorAll('aside').length;
};

/**
 * Breaks the rebuilt panel as a careless change would: Minimise loses its accessible name, and two texts turn light
 * grey on white, 1.8:1 where WCAG 1.4.3 asks for 4.5:1: the panel's name in its header, and the owner section's last
 * line, out of sight until the card is scrolled.
 */
const damagePanel = () => {
  const root = document.querySelector('gateway-doctor')?.shadowRoot;
  const minimise = root?.querySelector('header button');
  minimise?.removeAttribute('aria-label');
  minimise?.removeAttribute('title');
  const faded = [
    root?.querySelector('header span'),
    [...(root?.querySelectorAll('details li span') ?? [])].at(-1),
  ];
  faded.forEach((text) => (text as HTMLElement | undefined)?.style.setProperty('color', '#c0c0c0'));
  return faded.filter(Boolean).length;
};

describe.each(BROWSERS)('accessibility in %s', (browserName) => {
  const session = browserSession(browserName);
  const { fresh } = session;

  async function openPage(path: string, scheme: ColorScheme) {
    const url = fresh(path);
    const page = await session.browser.newPage();
    await page.emulateColorScheme(scheme);
    await page.goto(url);
    return { page, url };
  }

  async function openFailed(path: string, scheme: ColorScheme) {
    const { page, url } = await openPage(path, scheme);
    return { page, url, tabId: await session.browser.tabIdOf(url) };
  }

  async function scanPanelCopy(copy: PanelCopy, scheme: ColorScheme, damaged = false) {
    const page = await session.browser.newPage();
    await page.emulateColorScheme(scheme);
    await page.goto(BLANK_PAGE);
    expect(await page.evaluate(rebuildPanel, copy)).toBe(1);
    if (damaged) expect(await page.evaluate(damagePanel)).toBe(2);
    const found = await scan(page, 'gateway-doctor');
    await page.close();
    return found;
  }

  const expectClean = (found: Scan, scheme: ColorScheme, ...checked: string[]) => {
    expect(found.scheme).toBe(scheme);
    expect(found.violations).toEqual([]);
    expect(found.passes).toEqual(expect.arrayContaining(['color-contrast', ...checked]));
  };

  it('finds a nameless button and low contrast in the rebuilt panel: the panel scans can fail', async () => {
    const { page, tabId } = await openFailed('/gateway/cloudflare-522', 'light');
    const card = await pollUntil(
      'the panel',
      async () =>
        ((await session.browser.inExtension(readPanel, { tabId, step: 'card' })) ?? undefined) as
          PanelCopy | undefined,
    );
    const found = await scanPanelCopy(card, 'light', true);
    expect(found.violations.map((rule) => [rule.id, rule.targets.length])).toEqual([
      ['button-name', 1],
      ['color-contrast', 2],
    ]);
    await page.close();
  });

  describe.each(SCHEMES)('%s scheme', (scheme) => {
    it.each(['/gateway/cloudflare-522', '/gateway/nginx-502-chrome'])(
      'the panel on %s, as a card and as a pill, has no serious or critical violation',
      async (path) => {
        const { page, tabId } = await openFailed(path, scheme);
        const panel = (step: PanelStep) =>
          pollUntil(
            `the panel's ${step} on ${path}`,
            async () =>
              ((await session.browser.inExtension(readPanel, { tabId, step })) ?? undefined) as
                PanelCopy | undefined,
          );
        const card = await panel('card');
        expectClean(await scanPanelCopy(card, scheme), scheme, 'button-name', 'landmark-unique');
        await session.browser.inExtension(readPanel, { tabId, step: 'shrink' });
        const pill = await panel('pill');
        expectClean(await scanPanelCopy(pill, scheme), scheme, 'button-name');
        await page.close();
      },
    );

    it.runIf(browserName === 'chromium')(
      'the explanation page after an empty 502 has no serious or critical violation',
      async () => {
        // Not openFailed: the tab may have left the failed URL for the explanation page before it is looked up.
        const { page } = await openPage('/scenarios/bad-gateway-empty', scheme);
        await pollUntil('the explanation', async () =>
          (await page.url()).includes('/explain.html') &&
          (await page.evaluate<string>('document.body?.innerText ?? ""')).includes('502')
            ? true
            : undefined,
        );
        expectClean(await scan(page), scheme, 'button-name', 'document-title', 'html-has-lang');
        await page.close();
      },
    );

    it('the popup of a failed tab has no serious or critical violation', async () => {
      const { page, tabId } = await openFailed('/gateway/cloudflare-522', scheme);
      // The popup asks for the tab's report once, when it opens: wait until the background has one.
      await pollUntil('the badge', async () =>
        (await session.browser.toolbar(tabId)).text === '522' ? true : undefined,
      );
      const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
      await popup.emulateColorScheme(scheme);
      await pollUntil('the popup to show the failure', async () =>
        (await popup.evaluate<string>('document.body.innerText')).includes('522')
          ? true
          : undefined,
      );
      // The walk-through with what the checks show once run: a comparison's answer, the confirmation before
      // clearing the site's data, and the code for a phone.
      await popup.evaluate(() => {
        const press = (id: string, name: string) =>
          [...document.querySelectorAll<HTMLElement>(`#${id} button`)]
            .find((button) => button.textContent === name)
            ?.click();
        press('check-session', 'Compare');
        press('check-network', 'Show a code for your phone');
        press('check-clear', "Clear this site's data…");
      });
      await pollUntil(
        'the checks’ results',
        async () =>
          (await popup.evaluate<boolean>(
            '!!document.querySelector("#check-session [role=status] p") && ' +
              '!!document.querySelector("#check-network svg") && ' +
              '!!document.querySelector("#check-clear [role=group]")',
          )) || undefined,
      );
      expectClean(await scan(popup), scheme, 'document-title', 'html-has-lang', 'button-name');
      await popup.close();
      await page.close();
    });

    it('the popup of a healthy tab, with its recent incidents, has no serious or critical violation', async () => {
      const { page, tabId } = await openFailed('/scenarios/healthy-page', scheme);
      const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
      await popup.emulateColorScheme(scheme);
      await pollUntil('the popup to call the page healthy', async () =>
        (await popup.evaluate<string>('document.body.innerText')).includes('Recent incidents')
          ? true
          : undefined,
      );
      expectClean(await scan(popup), scheme, 'document-title', 'html-has-lang');
      await popup.close();
      await page.close();
    });

    it('the options page, with its history, chart and clearing question, has no serious or critical violation', async () => {
      const now = Date.now();
      const history = [502, 504, 522, 0].map((statusCode, i) => ({
        time: now - i * 5_400_000,
        site: `https://shop${i % 2}.example`,
        origin: `https://shop${i % 2}.example`,
        statusCode,
        gateway: i % 2 ? 'Cloudflare' : null,
        recoveredAt: i % 2 ? now - i * 5_400_000 + 240_000 : null,
      }));
      // One damaged entry, so the page also says what it could not read; one silenced site, so the list shows.
      await session.browser.inExtension(
        (api: ExtensionApi, stored: unknown[]) =>
          api.storage.local.set({
            history: [...stored, { time: 'broken' }],
            settings: { ignoredSites: ['news.example'] },
          }),
        history,
      );
      const page = await session.browser.openExtensionPage('options.html');
      await page.emulateColorScheme(scheme);
      await pollUntil('the options page with its history', async () =>
        (await page.evaluate<string>('document.body.innerText')).includes('Errors shown: 4 of 4.')
          ? true
          : undefined,
      );
      await page.evaluate(
        '[...document.querySelectorAll("button")].find((b) => b.textContent === "Clear history…").click()',
      );
      await pollUntil(
        'the clearing question',
        async () =>
          (await page.evaluate<boolean>('document.querySelector("[role=group]") !== null')) ||
          undefined,
      );
      expectClean(await scan(page), scheme, 'label', 'svg-img-alt', 'th-has-data-cells');
      await page.close();
    });

    it('the welcome page has no serious or critical violation', async () => {
      const page = await session.browser.openExtensionPage('welcome.html');
      await page.emulateColorScheme(scheme);
      await pollUntil('the welcome page to render', async () =>
        (await page.evaluate<string>('document.body.innerText')).includes('What it never does')
          ? true
          : undefined,
      );
      expectClean(await scan(page), scheme, 'document-title', 'html-has-lang');
      await page.close();
    });
  });
});
