/**
 * What each entrypoint of a built extension costs to load, raw and gzipped: the benchmark reports it and the package
 * test holds it to the budgets. An entrypoint is everything the browser loads for it:
 * - an HTML page (popup, options, the extension's other pages): the page, and every script and stylesheet it links,
 *   with every chunk those scripts import statically, each counted once (a chunk behind a dynamic `import()`, such as
 *   the popup's Public Suffix List, loads only when a button needs it and is not part of opening the page);
 * - the background: its script(s) from the manifest, with their imports;
 * - a script of the extension's own at the build's root (WXT's unlisted scripts), which it loads when it needs it:
 *   the diagnosis engine, which the background imports at its first failure;
 * - a content script: its script, and the stylesheet of the same name beside it if it has one (WXT's
 *   `cssInjectionMode: 'ui'` has the script fetch it into its shadow root; the panel carries its styles in its
 *   script instead), whether the manifest declares it or the background injects it.
 * Files are gzipped one by one (level 9), as each is loaded on its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Gzipped budgets in KiB (issue 9), checked by tests/e2e/package.e2e.ts in both builds and reported by the benchmark.
 * A budget's entrypoint must exist in the build: a missing one fails its check.
 */
export const BUDGETS_KIB: Readonly<Record<string, number>> = {
  panel: 25,
  popup: 35,
  options: 50,
  background: 20,
  // Not one of issue 9's: the engine the background loads at its first failure (lib/platform/engine.ts), held to
  // about today's size so that it cannot grow unnoticed.
  'diagnosis-engine': 16,
};

export interface FileSize {
  /** Relative to the build's root, without a leading slash. */
  readonly path: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface EntrypointSize {
  /** The file's name without its extension: `popup`, `background`, `panel`. */
  readonly name: string;
  readonly kind: 'page' | 'background' | 'script' | 'content-script';
  readonly files: readonly FileSize[];
  readonly raw: number;
  readonly gzip: number;
}

/** A built extension as this module reads it, so tests can hand in a made-up one. */
export interface Build {
  /** The bytes of a file (path relative to the root), or undefined when there is none. */
  read(path: string): Buffer | undefined;
  /** The names of the files directly in a folder of the build (empty when there is none). */
  list(folder: string): readonly string[];
}

export function buildIn(dir: string): Build {
  return {
    read(path) {
      try {
        return readFileSync(join(dir, path));
      } catch {
        return undefined;
      }
    },
    list(folder) {
      try {
        return readdirSync(join(dir, folder), { withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => entry.name);
      } catch {
        return [];
      }
    },
  };
}

interface Manifest {
  readonly background?: { readonly service_worker?: string; readonly scripts?: readonly string[] };
  readonly content_scripts?: readonly {
    readonly js?: readonly string[];
    readonly css?: readonly string[];
  }[];
}

const CONTENT_SCRIPTS = 'content-scripts';

const stem = (path: string) => posix.basename(path).replace(/\.[^.]+$/, '');
/** A path as written in the build (`/chunks/a.js`, `./a.js`, `a.js`), relative to the root. */
const resolveFrom = (from: string, reference: string) =>
  posix.normalize(
    reference.startsWith('/') ? reference.slice(1) : posix.join(posix.dirname(from), reference),
  );

/** The scripts and stylesheets an HTML page links (`<script src>`, `<link rel=stylesheet|modulepreload href>`). */
export function linkedFiles(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const isLink = /^<link/i.test(tag);
    if (isLink && !/\brel=["']?(?:stylesheet|modulepreload)\b/i.test(tag)) continue;
    const reference = new RegExp(`\\b${isLink ? 'href' : 'src'}=["']([^"']+)["']`, 'i').exec(
      tag,
    )?.[1];
    if (reference && !/^[a-z]+:/i.test(reference)) found.push(reference);
  }
  return found;
}

/** The modules a built script imports statically (`import`, `export ... from`), relative paths only. */
export function importedFiles(script: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:\bfrom|\bimport)\s*["'](\.{0,2}\/[^"']+\.m?js)["']/g;
  for (const [, reference] of script.matchAll(pattern)) if (reference) found.add(reference);
  return [...found];
}

function measure(build: Build, path: string): FileSize {
  const bytes = build.read(path);
  if (!bytes) throw new Error(`The build has no ${path}, which an entrypoint loads`);
  return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The given files and, transitively, every script they import, each once. */
function withImports(build: Build, roots: readonly string[]): FileSize[] {
  const files = new Map<string, FileSize>();
  const pending = [...roots];
  for (let path = pending.shift(); path !== undefined; path = pending.shift()) {
    if (files.has(path)) continue;
    files.set(path, measure(build, path));
    if (/\.m?js$/.test(path)) {
      const text = build.read(path)?.toString('utf8') ?? '';
      pending.push(...importedFiles(text).map((reference) => resolveFrom(path, reference)));
    }
  }
  return [...files.values()];
}

function entrypoint(
  name: string,
  kind: EntrypointSize['kind'],
  files: readonly FileSize[],
): EntrypointSize {
  return {
    name,
    kind,
    files,
    raw: files.reduce((sum, file) => sum + file.raw, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
  };
}

/** Every entrypoint of the build: its HTML pages, its background, its own scripts and its content scripts. */
export function entrypointSizes(build: Build): EntrypointSize[] {
  const manifestBytes = build.read('manifest.json');
  if (!manifestBytes) throw new Error('The build has no manifest.json');
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  const sizes: EntrypointSize[] = [];

  for (const page of build
    .list('')
    .filter((name) => name.endsWith('.html'))
    .sort()) {
    const html = build.read(page)?.toString('utf8') ?? '';
    const linked = linkedFiles(html).map((reference) => resolveFrom(page, reference));
    sizes.push(entrypoint(stem(page), 'page', withImports(build, [page, ...linked])));
  }

  const background = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background?.scripts ?? []);
  if (background.length > 0)
    sizes.push(entrypoint('background', 'background', withImports(build, background)));
  const declared = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  for (const script of build
    .list('')
    .filter((name) => name.endsWith('.js') && ![...background, ...declared].includes(name))
    .sort()) {
    sizes.push(entrypoint(stem(script), 'script', withImports(build, [script])));
  }

  // Declared in the manifest, or injected at run time by the background (WXT writes both to content-scripts/).
  const contentScripts = new Map<string, string[]>();
  for (const script of manifest.content_scripts ?? [])
    for (const file of [...(script.js ?? []), ...(script.css ?? [])])
      contentScripts.set(stem(file), [...(contentScripts.get(stem(file)) ?? []), file]);
  const folder = build.list(CONTENT_SCRIPTS);
  for (const file of folder.filter((name) => name.endsWith('.js'))) {
    const files = contentScripts.get(stem(file)) ?? [];
    const own = [file, `${stem(file)}.css`]
      .filter((name) => folder.includes(name))
      .map((name) => posix.join(CONTENT_SCRIPTS, name));
    contentScripts.set(stem(file), [...new Set([...files, ...own])]);
  }
  for (const [name, files] of [...contentScripts].sort(([a], [b]) => a.localeCompare(b)))
    sizes.push(entrypoint(name, 'content-script', withImports(build, files)));

  return sizes;
}

/** One entrypoint by name; an entrypoint the build lacks is an error, never a size of zero. */
export function entrypointSize(build: Build, name: string): EntrypointSize {
  const all = entrypointSizes(build);
  const found = all.find((size) => size.name === name);
  if (!found)
    throw new Error(
      `The build has no entrypoint named ${name} (it has ${all.map((size) => size.name).join(', ')})`,
    );
  return found;
}
