import type { TestPage } from './harness';

/**
 * A real click on the first control under `scope` (a CSS selector) whose text is `label`, as the visitor's mouse
 * makes it. Firefox honours permissions.request only from a handler of the user's own input; a click dispatched by
 * a script is not one.
 */
export async function clickReally(page: TestPage, scope: string, label: string): Promise<void> {
  const center = await page.evaluate(
    ([selector, name]: [string, string]) => {
      const control = [
        ...document.querySelectorAll(`${selector} button, ${selector} input, ${selector} label`),
      ].find((element) => element.textContent?.trim() === name);
      if (!control) throw new Error(`No control named ${name} in ${selector}`);
      control.scrollIntoView({ block: 'center' });
      const rect = control.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    [scope, label] as never,
  );
  await page.clickAt(center.x, center.y);
}
