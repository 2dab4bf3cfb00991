import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  entrypointSize,
  entrypointSizes,
  importedFiles,
  linkedFiles,
  type Build,
} from './entrypoint-sizes';

/** A made-up build: file path to text, folders implied by the paths. */
function fakeBuild(files: Record<string, string>): Build {
  return {
    read: (path) => (path in files ? Buffer.from(files[path]!) : undefined),
    list: (folder) =>
      Object.keys(files)
        .filter((path) => (folder === '' ? !path.includes('/') : path.startsWith(`${folder}/`)))
        .map((path) => path.slice(folder === '' ? 0 : folder.length + 1))
        .filter((name) => !name.includes('/')),
  };
}

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

const POPUP_HTML = `<!DOCTYPE html><html><head>
<script type="module" crossorigin src="/chunks/popup-a1.js"></script>
<link rel="modulepreload" crossorigin href="/chunks/shared-b2.js">
<link rel="stylesheet" crossorigin href="/assets/popup-c3.css">
<link rel="icon" href="/icon/16.png">
</head><body><div id="app"></div></body></html>`;
const POPUP_JS = 'import{a as e}from"./shared-b2.js";import{t}from"./messages-d4.js";e(t);';
const SHARED_JS = 'export const a=1;';
const MESSAGES_JS = 'import{a as e}from"./shared-b2.js";export const t=e;';
const POPUP_CSS = '.a{color:red}';
const BACKGROUND_JS = 'var background=(function(){return 1})();';
const ENGINE_JS = 'var engine=(function(){globalThis.e=1})();';
const PANEL_JS = '(function(){document.title})();';
const PANEL_CSS = ':host{all:initial}';

const chromeBuild = () =>
  fakeBuild({
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      action: { default_popup: 'popup.html' },
      background: { service_worker: 'background.js' },
    }),
    'popup.html': POPUP_HTML,
    'chunks/popup-a1.js': POPUP_JS,
    'chunks/shared-b2.js': SHARED_JS,
    'chunks/messages-d4.js': MESSAGES_JS,
    'assets/popup-c3.css': POPUP_CSS,
    'icon/16.png': 'not counted: an icon is not code',
    'background.js': BACKGROUND_JS,
    'diagnosis-engine.js': ENGINE_JS,
    'content-scripts/panel.js': PANEL_JS,
    'content-scripts/panel.css': PANEL_CSS,
  });

describe('linkedFiles', () => {
  it('lists the scripts, module preloads and stylesheets a page links, not its icons or remote files', () => {
    expect(
      linkedFiles(
        `${POPUP_HTML}<script src="https://cdn.example/x.js"></script><script>inline()</script>`,
      ),
    ).toEqual(['/chunks/popup-a1.js', '/chunks/shared-b2.js', '/assets/popup-c3.css']);
  });
});

describe('importedFiles', () => {
  it('finds static imports, re-exports and bare imports in minified code, and not dynamic ones', () => {
    const script =
      'import{a}from"./one.js";export{b}from"../two.js";import"./three.js";const c=()=>import("./four.js");' +
      'import x from "lodash";';
    expect(importedFiles(script)).toEqual(['./one.js', '../two.js', './three.js']);
  });
});

describe('entrypointSizes', () => {
  it('counts a page with every file it loads, shared chunks once, and not what it does not load', () => {
    const popup = entrypointSize(chromeBuild(), 'popup');
    expect(popup.kind).toBe('page');
    expect(popup.files.map((file) => file.path).sort()).toEqual([
      'assets/popup-c3.css',
      'chunks/messages-d4.js',
      'chunks/popup-a1.js',
      'chunks/shared-b2.js',
      'popup.html',
    ]);
    const texts = [POPUP_HTML, POPUP_JS, SHARED_JS, MESSAGES_JS, POPUP_CSS];
    expect(popup.raw).toBe(texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0));
    expect(popup.gzip).toBe(texts.reduce((sum, text) => sum + gz(text), 0));
  });

  it('counts the background from the manifest, as a service worker or as Firefox’s scripts', () => {
    expect(entrypointSize(chromeBuild(), 'background')).toMatchObject({
      kind: 'background',
      files: [{ path: 'background.js', raw: BACKGROUND_JS.length, gzip: gz(BACKGROUND_JS) }],
    });
    const firefox = fakeBuild({
      'manifest.json': JSON.stringify({ background: { scripts: ['background.js'] } }),
      'background.js': BACKGROUND_JS,
    });
    expect(entrypointSize(firefox, 'background').raw).toBe(BACKGROUND_JS.length);
  });

  it('counts a script the extension loads itself apart from the background that loads it', () => {
    expect(entrypointSize(chromeBuild(), 'diagnosis-engine')).toMatchObject({
      kind: 'script',
      files: [{ path: 'diagnosis-engine.js', raw: ENGINE_JS.length, gzip: gz(ENGINE_JS) }],
    });
    expect(entrypointSize(chromeBuild(), 'background').files.map((file) => file.path)).toEqual([
      'background.js',
    ]);
  });

  it('counts an injected content script with the stylesheet of its name', () => {
    const panel = entrypointSize(chromeBuild(), 'panel');
    expect(panel.kind).toBe('content-script');
    expect(panel.files.map((file) => file.path)).toEqual([
      'content-scripts/panel.js',
      'content-scripts/panel.css',
    ]);
    expect(panel.gzip).toBe(gz(PANEL_JS) + gz(PANEL_CSS));
  });

  it('counts a content script the manifest declares, with its declared stylesheets', () => {
    const build = fakeBuild({
      'manifest.json': JSON.stringify({
        content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], css: ['content.css'] }],
      }),
      'content.js': PANEL_JS,
      'content.css': PANEL_CSS,
    });
    expect(entrypointSize(build, 'content').raw).toBe(PANEL_JS.length + PANEL_CSS.length);
  });

  it('lists every entrypoint of the build', () => {
    expect(entrypointSizes(chromeBuild()).map((size) => size.name)).toEqual([
      'popup',
      'background',
      'diagnosis-engine',
      'panel',
    ]);
  });
});

describe('entrypointSize', () => {
  it('fails for an entrypoint the build does not have, naming the ones it has', () => {
    expect(() => entrypointSize(chromeBuild(), 'options')).toThrow(
      'The build has no entrypoint named options (it has popup, background, diagnosis-engine, panel)',
    );
  });

  it('fails when a page links a file the build lacks, rather than counting it as empty', () => {
    const build = fakeBuild({
      'manifest.json': '{}',
      'options.html': '<script type="module" src="/chunks/options-x.js"></script>',
    });
    expect(() => entrypointSize(build, 'options')).toThrow(
      'The build has no chunks/options-x.js, which an entrypoint loads',
    );
  });

  it('fails when a script imports a chunk the build lacks', () => {
    const build = fakeBuild({
      'manifest.json': '{}',
      'popup.html': '<script type="module" src="./popup.js"></script>',
      'popup.js': 'import{a}from"./gone.js";',
    });
    expect(() => entrypointSize(build, 'popup')).toThrow('The build has no gone.js');
  });
});
