import { browser } from 'wxt/browser';
import { ENGINE_GLOBAL, type Engine, type EngineHost } from '../diagnosis/engine';

/** Where entrypoints/diagnosis-engine.ts is built. */
const ENGINE_SCRIPT = '/diagnosis-engine.js';
const engineUrl = () => browser.runtime.getURL(ENGINE_SCRIPT);

type BackgroundGlobal = EngineHost & {
  /** A classic service worker's (Chrome's background); Firefox's background is a page, without it. */
  importScripts?: (url: string) => void;
};
const background = globalThis as BackgroundGlobal;

/**
 * A service worker can import a script from an event only if it imported it while it was installing (the script is
 * then stored with the worker), and Chrome has no import() in a service worker:
 * https://w3c.github.io/ServiceWorker/#importscripts-method. Call it in the worker's first, synchronous run.
 */
export function storeEngineWhileInstalling(): void {
  const { importScripts } = background;
  if (typeof importScripts !== 'function') return;
  globalThis.addEventListener('install', () => importScripts(engineUrl()));
}

/** The engine, loaded at the first call in this worker's life. */
export async function loadEngine(): Promise<Engine> {
  if (!background[ENGINE_GLOBAL]) {
    if (typeof background.importScripts === 'function') background.importScripts(engineUrl());
    else await import(/* @vite-ignore */ engineUrl());
  }
  const engine = background[ENGINE_GLOBAL];
  if (!engine) throw new Error(`${ENGINE_SCRIPT} did not leave the diagnosis engine`);
  return engine;
}
