import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness/paths';

/**
 * The quick start's first command ends in `npm run demo -- --headless --screenshots DIR`: it must keep working on a
 * machine without a display. Three pages stand for the kinds it meets: a page with a body (the panel), Chrome's bare
 * error page (the explanation page in its place) and a healthy page.
 */
describe('npm run demo -- --headless --screenshots DIR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-demo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pages = ['gateway-cloudflare-522', 'bad-gateway-empty', 'healthy-page'];

  it('writes a screenshot of each page and of its popup, and says where they are', async () => {
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [
        'scripts/demo.ts',
        '--headless',
        '--screenshots',
        dir,
        '--port',
        '0',
        '--only',
        pages.join(','),
      ],
      { cwd: ROOT, timeout: 90_000, env: { ...process.env, DISPLAY: '' } },
    );
    const expected = pages.flatMap((id) => [`${id}.png`, `${id}-popup.png`]).sort();
    expect(readdirSync(dir).sort()).toEqual(expected);
    for (const file of expected) expect(statSync(join(dir, file)).size, file).toBeGreaterThan(1000);
    expect(stdout).toMatch(/gateway-cloudflare-522\s+badge 522/);
    expect(stdout).toContain(`screenshots of each page and its popup are in ${dir}`);
  });
});
