import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalogue, CatalogueEntry } from '../../lib/i18n/messages';
import { ROOT } from '../e2e/harness/paths';
import { declaredManifest } from './manifest';

const LOCALES = join(ROOT, 'public', '_locales');
// https://developer.chrome.com/docs/webstore/program-policies/listing-requirements: the summary is cut at 132.
const STORE_DESCRIPTION_LIMIT = 132;

function readCatalogue(locale: string): Catalogue {
  return JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Catalogue;
}

/**
 * The `$name$` placeholders a message uses, lower-cased as `getMessage` matches them; `$$` is a literal dollar sign.
 * https://developer.chrome.com/docs/extensions/reference/api/i18n#how-to-use-placeholders
 */
function usedPlaceholders(message: string): string[] {
  const names = [...message.matchAll(/\$\$|\$([a-zA-Z0-9_@]+)\$/g)].flatMap(([, name]) =>
    name === undefined ? [] : [name.toLowerCase()],
  );
  return [...new Set(names)].sort();
}

/** Names and contents only: `example` is a hint for translators and may be localised. */
function declaredPlaceholders(entry: CatalogueEntry): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry.placeholders ?? {})
      .map(([name, { content }]) => [name.toLowerCase(), content])
      .sort(([a = ''], [b = '']) => a.localeCompare(b)),
  );
}

/** Everything that would make a translation render wrongly or fall back to English, one line per problem. */
function translationProblems(english: Catalogue, translation: Catalogue): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(translation)) {
    if (!(key in english)) problems.push(`${key}: not an English key`);
  }
  for (const [key, source] of Object.entries(english)) {
    const entry = translation[key];
    if (!entry) {
      problems.push(`${key}: missing`);
      continue;
    }
    if (entry.message.trim() === '') problems.push(`${key}: empty message`);
    const declared = declaredPlaceholders(entry);
    if (JSON.stringify(declared) !== JSON.stringify(declaredPlaceholders(source))) {
      problems.push(`${key}: placeholders differ from English`);
    }
    const used = usedPlaceholders(entry.message);
    for (const name of used) {
      if (!(name in declared)) problems.push(`${key}: $${name}$ is not a declared placeholder`);
    }
    if (used.join() !== usedPlaceholders(source.message).join()) {
      problems.push(`${key}: uses other placeholders than English`);
    }
  }
  return problems;
}

const english = readCatalogue('en');
const locales = readdirSync(LOCALES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** The `__MSG_key__` references in the manifest either browser gets. */
async function manifestMessageKeys(): Promise<string[]> {
  const keys = new Set<string>();
  for (const browser of ['chrome', 'firefox'] as const) {
    const manifest = await declaredManifest(browser);
    for (const [, key = ''] of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) keys.add(key);
  }
  return [...keys].sort();
}

describe('locale catalogues', () => {
  it('include the translations the extension ships', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'es', 'de']));
  });

  it.each(locales)(
    '%s has every English key with the same placeholders, and no empty message',
    (locale) => {
      expect(translationProblems(english, readCatalogue(locale))).toEqual([]);
    },
  );

  it.each(locales)(
    '%s declares its own language for the pages’ lang attribute and dates',
    (locale) => {
      // Chrome names locale folders pt_BR, BCP 47 (and Intl) says pt-BR.
      expect(readCatalogue(locale).pageLanguage?.message).toBe(locale.replace('_', '-'));
    },
  );

  it('name the manifest strings extName, extDescription and actionTitleIdle', async () => {
    expect(await manifestMessageKeys()).toEqual(['actionTitleIdle', 'extDescription', 'extName']);
  });

  it.each(locales)(
    '%s has every manifest string, with a description the store shows whole',
    async (locale) => {
      const catalogue = readCatalogue(locale);
      for (const key of await manifestMessageKeys())
        expect(catalogue[key]?.message, key).toBeTruthy();
      expect(catalogue.extDescription?.message.length).toBeLessThanOrEqual(STORE_DESCRIPTION_LIMIT);
    },
  );
});

describe('translationProblems', () => {
  const source: Catalogue = {
    greeting: { message: 'Hello' },
    failedOn: {
      message: '$host$ failed ($$5)',
      placeholders: { host: { content: '$1', example: 'shop.example.com' } },
    },
  };
  const faithfulFailedOn: CatalogueEntry = {
    message: '$HOST$ falló ($$5)',
    placeholders: { host: { content: '$1', example: 'tienda.example.com' } },
  };
  const faithful: Catalogue = { greeting: { message: 'Hola' }, failedOn: faithfulFailedOn };

  it('accepts a faithful translation, whatever the case of a placeholder or its example', () => {
    expect(translationProblems(source, faithful)).toEqual([]);
  });

  it('reports a missing key and an extra one', () => {
    const misspelt = { failedOn: faithfulFailedOn, greting: { message: 'Hola' } };
    expect(translationProblems(source, misspelt)).toEqual([
      'greting: not an English key',
      'greeting: missing',
    ]);
  });

  it('reports an empty message', () => {
    expect(translationProblems(source, { ...faithful, greeting: { message: ' ' } })).toEqual([
      'greeting: empty message',
    ]);
  });

  it('reports a placeholder dropped, renamed or pointed at another substitution', () => {
    const withPlaceholders = (placeholders: CatalogueEntry['placeholders']): Catalogue => ({
      ...faithful,
      failedOn: { message: '$host$ falló', ...(placeholders && { placeholders }) },
    });
    expect(translationProblems(source, withPlaceholders(undefined))).toEqual([
      'failedOn: placeholders differ from English',
      'failedOn: $host$ is not a declared placeholder',
    ]);
    expect(translationProblems(source, withPlaceholders({ host: { content: '$2' } }))).toEqual([
      'failedOn: placeholders differ from English',
    ]);
    expect(translationProblems(source, withPlaceholders({ site: { content: '$1' } }))).toEqual([
      'failedOn: placeholders differ from English',
      'failedOn: $host$ is not a declared placeholder',
    ]);
  });

  it('reports a placeholder the message misspells or leaves out', () => {
    const placeholders = { host: { content: '$1' } };
    expect(
      translationProblems(source, {
        ...faithful,
        failedOn: { message: '$hots$ falló', placeholders },
      }),
    ).toEqual([
      'failedOn: $hots$ is not a declared placeholder',
      'failedOn: uses other placeholders than English',
    ]);
    expect(
      translationProblems(source, { ...faithful, failedOn: { message: 'Falló', placeholders } }),
    ).toEqual(['failedOn: uses other placeholders than English']);
  });
});
