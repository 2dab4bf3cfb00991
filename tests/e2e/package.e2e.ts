import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS_KIB, buildIn, entrypointSize } from '../support/entrypoint-sizes';
import { BUILDS, ROOT } from './harness/paths';

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
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

  // The panel counts the content script with its CSS, a page everything its first load fetches.
  it.each(Object.entries(BUDGETS_KIB))('keep the %s within %i KB gzipped', (name, kib) => {
    for (const [browser, dir] of Object.entries(BUILDS)) {
      const size = entrypointSize(buildIn(dir), name);
      const files = size.files.map((file) => `${file.path} ${file.gzip} B`).join(', ');
      expect(size.gzip, `${name} in the ${browser} build: ${files}`).toBeLessThanOrEqual(
        kib * 1024,
      );
    }
  });

  it('leave the Public Suffix List and the QR generator out of the popup’s first load', () => {
    for (const dir of Object.values(BUILDS)) {
      const files = entrypointSize(buildIn(dir), 'popup').files.map((file) => file.path);
      expect(files.some((file) => file.endsWith('.css'))).toBe(true);
      // Imported only when their buttons are pressed, so opening the popup does not pay for them.
      expect(files.filter((file) => /domains|qr-code/.test(file))).toEqual([]);
    }
  });
});
