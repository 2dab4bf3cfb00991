import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { diagnose } from '../diagnosis/diagnose';
import { ENGINE_GLOBAL, type Engine, type EngineHost } from '../diagnosis/engine';
import { ownerReport } from '../diagnosis/report';
import { loadEngine, storeEngineWhileInstalling } from './engine';

const host = globalThis as EngineHost;
const ENGINE: Engine = { diagnose, ownerReport };
const SCRIPT_URL = fakeBrowser.runtime.getURL('/diagnosis-engine.js');

/** What Chrome's service worker has: importScripts, which runs the engine's script (it leaves the engine global). */
function serviceWorkerImport() {
  const importScripts = vi.fn(() => {
    host[ENGINE_GLOBAL] = ENGINE;
  });
  vi.stubGlobal('importScripts', importScripts);
  return importScripts;
}

afterEach(() => {
  vi.unstubAllGlobals();
  host[ENGINE_GLOBAL] = undefined;
});

describe('loadEngine', () => {
  it('imports the engine’s script in a service worker at the first call, and only then', async () => {
    const importScripts = serviceWorkerImport();
    expect(await loadEngine()).toBe(ENGINE);
    expect(await loadEngine()).toBe(ENGINE);
    expect(importScripts).toHaveBeenCalledTimes(1);
    expect(importScripts).toHaveBeenCalledWith(SCRIPT_URL);
  });

  it('says which script failed it when the script leaves no engine', async () => {
    vi.stubGlobal('importScripts', vi.fn());
    await expect(loadEngine()).rejects.toThrow(
      '/diagnosis-engine.js did not leave the diagnosis engine',
    );
  });
});

describe('storeEngineWhileInstalling', () => {
  it('imports the engine’s script while the service worker installs, so that a later import may', () => {
    const importScripts = serviceWorkerImport();
    const addEventListener = vi.fn();
    vi.stubGlobal('addEventListener', addEventListener);
    storeEngineWhileInstalling();
    expect(importScripts).not.toHaveBeenCalled();
    expect(addEventListener).toHaveBeenCalledWith('install', expect.any(Function));
    const [[, onInstall]] = addEventListener.mock.calls as [[string, () => void]];
    onInstall();
    expect(importScripts).toHaveBeenCalledWith(SCRIPT_URL);
  });

  it('does nothing in a background page, which imports the script as a module when it needs it', () => {
    const addEventListener = vi.fn();
    vi.stubGlobal('addEventListener', addEventListener);
    storeEngineWhileInstalling();
    expect(addEventListener).not.toHaveBeenCalled();
  });
});
