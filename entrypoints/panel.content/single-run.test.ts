// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { claimPage } from './single-run';

const STARTED = ContentScriptContext['SCRIPT_STARTED_MESSAGE_TYPE'];
const contexts: ContentScriptContext[] = [];
afterEach(() => contexts.splice(0).forEach((ctx) => ctx.notifyInvalidated()));

/** A run of the panel script, as WXT starts one: its context announces it to earlier runs. */
function startRun() {
  const ctx = new ContentScriptContext('panel');
  contexts.push(ctx);
  return ctx;
}

describe('claimPage', () => {
  it('lets the first run have the page and a second run do nothing, without taking the first run down', () => {
    const scope = {};
    const first = startRun();
    expect(claimPage(first, STARTED, () => true, scope)).toBe(true);
    const second = startRun();
    expect(first.isValid).toBe(true);
    expect(claimPage(second, STARTED, () => true, scope)).toBe(false);
  });

  it('without a claim, WXT’s own announcement would take the first run down', () => {
    const first = startRun();
    startRun();
    expect(first.isValid).toBe(false);
  });

  it('stops a page that sends the announcement to take the panel down', () => {
    const first = startRun();
    claimPage(first, STARTED, () => true, {});
    document.dispatchEvent(
      new CustomEvent(STARTED, { detail: { contentScriptName: 'panel', messageId: 'page' } }),
    );
    expect(first.isValid).toBe(true);
  });

  it('lets a fresh run take over once the extension was reloaded under it', () => {
    const scope = {};
    let extensionAlive = true;
    const orphan = startRun();
    claimPage(orphan, STARTED, () => extensionAlive, scope);
    extensionAlive = false;
    const fresh = startRun();
    expect(orphan.isValid).toBe(false);
    expect(claimPage(fresh, STARTED, () => true, scope)).toBe(true);
  });
});
