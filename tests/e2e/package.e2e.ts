import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS, ROOT } from './harness/paths';

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const gzippedSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * What opening an extension page loads: the HTML, the scripts and stylesheets it names, and every chunk those
 * scripts import statically. A dynamic `import()` (a chunk loaded when a button needs it) is left out.
 */
function firstLoad(dir: string, page: string): string[] {
  const files = new Set([page]);
  const html = readFileSync(join(dir, page), 'utf8');
  for (const [, file = ''] of html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g))
    files.add(file);
  const scripts = [...files].filter((file) => file.endsWith('.js'));
  while (scripts.length > 0) {
    const script = scripts.pop() ?? '';
    const code = readFileSync(join(dir, script), 'utf8');
    for (const [, path = ''] of code.matchAll(
      /(?:import|export)\s*(?:[^'"()]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    )) {
      const file = join(script, '..', path);
      if (!files.has(file)) {
        files.add(file);
        scripts.push(file);
      }
    }
  }
  return [...files];
}
/** The Firefox ESR current on 2026-11 (browser-facts.md); strict_min_version must not exceed it. */
const CURRENT_ESR = 153;

describe('built packages', () => {
  it('are Manifest V3 with every icon size present', () => {
    for (const dir of Object.values(BUILDS)) {
      const m = manifest(dir);
      expect(m.manifest_version).toBe(3);
      expect(Object.keys(m.icons).sort()).toEqual(['128', '16', '32', '48', '96']);
      for (const file of Object.values<string>(m.icons))
        expect(existsSync(join(dir, file)), file).toBe(true);
      expect(m.default_locale).toBe('en');
    }
  });

  it('give Firefox a fixed id, data collection declaration and a minimum version no newer than the ESR', () => {
    const gecko = manifest(BUILDS.firefox).browser_specific_settings.gecko;
    expect(gecko.id).toBe('gateway-doctor@gateway-doctor.dev');
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(Number.parseInt(gecko.strict_min_version, 10)).toBeLessThanOrEqual(CURRENT_ESR);
    expect(manifest(BUILDS.chromium).browser_specific_settings).toBeUndefined();
  });

  it('pass web-ext lint with no errors', () => {
    const output = execFileSync(
      join(ROOT, 'node_modules', '.bin', 'web-ext'),
      ['lint', '--source-dir', BUILDS.firefox, '--output', 'json', '--no-config-discovery'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const report = JSON.parse(output) as {
      summary: { errors: number };
      errors: { message: string }[];
    };
    expect(report.errors.map((e) => e.message)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  it('keep the panel, which every failed page loads, under 25 KB gzipped with its CSS', () => {
    for (const dir of Object.values(BUILDS)) {
      const gzipped = ['content-scripts/panel.js', 'content-scripts/panel.css']
        .map((file) => gzippedSize(join(dir, file)))
        .reduce((sum, size) => sum + size, 0);
      expect(gzipped, dir).toBeLessThan(25 * 1024);
    }
  });

  it('keep the popup’s first load under 35 KB gzipped, the chunks it loads on a click excepted', () => {
    for (const dir of Object.values(BUILDS)) {
      const files = firstLoad(dir, 'popup.html');
      expect(files.some((file) => file.endsWith('.css'))).toBe(true);
      // The Public Suffix List and the QR generator are imported only when their buttons are pressed.
      expect(files.filter((file) => /domains|qr-code/.test(file))).toEqual([]);
      const total = files
        .map((file) => gzippedSize(join(dir, file)))
        .reduce((sum, size) => sum + size, 0);
      expect(total, dir).toBeLessThan(35 * 1024);
    }
  });
});
