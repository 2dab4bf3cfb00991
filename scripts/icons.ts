/**
 * Renders public/icon/icon.svg to the PNG sizes the stores and browsers ask for, with the Chromium the tests use.
 * Run after changing the SVG: `npx tsx scripts/icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { browserExecutable } from '../tests/e2e/harness/paths';

const SIZES = [16, 32, 48, 96, 128];
const dir = join(import.meta.dirname, '..', 'public', 'icon');
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: browserExecutable('chromium'),
  args: ['--no-sandbox'],
});
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>*{margin:0}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
    );
    await page.screenshot({ path: join(dir, `${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`Wrote ${SIZES.map((s) => `${s}.png`).join(', ')} in ${dir}`);
