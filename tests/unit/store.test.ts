import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSION_REASONS } from '../../components/welcome/Welcome';
import type { Catalogue } from '../../lib/i18n/messages';
import { ROOT } from '../e2e/harness/paths';
import { declaredManifest } from './manifest';

const STORE = join(ROOT, 'store');
const read = (...path: string[]) => readFileSync(join(...path), 'utf8');
// https://developer.chrome.com/docs/webstore/program-policies/listing-requirements: the summary is cut at 132.
const SHORT_LIMIT = 132;
// The Chrome Web Store's limit for the detailed description.
const DESCRIPTION_LIMIT = 16_000;

/** The text under each `## ` heading of a Markdown file, trimmed. */
function sections(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const [heading = '', ...body] = part.split('\n');
    found.set(heading.trim(), body.join('\n').trim());
  }
  return found;
}

/** Everything either browser's manifest asks for: permissions, optional permissions, host permissions. */
async function requested(): Promise<string[]> {
  const all = new Set<string>();
  for (const browser of ['chrome', 'firefox'] as const) {
    const manifest = await declaredManifest(browser);
    for (const key of ['permissions', 'optional_permissions', 'host_permissions'])
      for (const permission of (manifest[key] as string[] | undefined) ?? []) all.add(permission);
  }
  return [...all].sort();
}

/** The PNG's width and height, from its IHDR chunk. */
function pngSize(path: string): [number, number] {
  const header = readFileSync(path).subarray(16, 24);
  return [header.readUInt32BE(0), header.readUInt32BE(4)];
}

describe.each(['en', 'es', 'de'])('the %s store listing', (locale) => {
  const listing = sections(read(STORE, 'listing', `${locale}.md`));
  const catalogue = JSON.parse(
    read(ROOT, 'public', '_locales', locale, 'messages.json'),
  ) as Catalogue;

  it('names the extension as its manifest does', () => {
    expect(listing.get('Name')).toBe(catalogue.extName?.message);
  });

  it('has the manifest’s short description, which the store shows whole', () => {
    const short = listing.get('Short description') ?? '';
    expect(short).toBe(catalogue.extDescription?.message);
    expect(short.length).toBeLessThanOrEqual(SHORT_LIMIT);
  });

  it('has a full description within the store’s limit', () => {
    const description = listing.get('Description') ?? '';
    expect(description.length).toBeGreaterThan(500);
    expect(description.length).toBeLessThanOrEqual(DESCRIPTION_LIMIT);
  });
});

describe('the permission justifications', () => {
  const justified = [
    ...read(STORE, 'permissions.md').matchAll(/^### (?:Host permission: )?`([^`]+)`/gm),
  ].map(([, id]) => id);

  it('justify every permission either browser’s manifest asks for', async () => {
    expect(justified).toEqual(expect.arrayContaining(await requested()));
  });

  it('are the set the welcome page explains, so the store and the extension say the same', () => {
    expect([...justified].sort()).toEqual(PERMISSION_REASONS.map(({ id }) => id).sort());
  });

  it('each say why, in a sentence at least', () => {
    const bodies = read(STORE, 'permissions.md')
      .split(/^### /m)
      .slice(1)
      .map((part) => part.split(/^## /m)[0]!);
    expect(bodies).toHaveLength(justified.length);
    for (const body of bodies) {
      const [id, ...why] = body.split('\n');
      expect(why.join(' ').trim(), id).toMatch(/^\S.{40,}\.$/);
    }
  });
});

describe('the store screenshots', () => {
  const index = read(STORE, 'README.md');
  const listed = [...new Set([...index.matchAll(/`([\w-]+\.png)`/g)].map(([, file]) => file!))];

  it('are all there', () => {
    expect(listed.length).toBeGreaterThanOrEqual(8);
    for (const file of listed)
      expect(existsSync(join(STORE, 'screenshots', file)), file).toBe(true);
  });

  it('are the size the stores take, but for the README’s popup', () => {
    for (const file of listed.filter((name) => !name.startsWith('popup-')))
      expect(pngSize(join(STORE, 'screenshots', file)), file).toEqual([1280, 800]);
  });
});
