import { vi } from 'vitest';

type Change = { origins?: string[]; permissions?: string[] };
type Asked = { origins?: string[]; permissions?: string[] };

function fakeEvent() {
  const listeners = new Set<(change: Change) => void>();
  return {
    addListener: (listener: (change: Change) => void) => void listeners.add(listener),
    removeListener: (listener: (change: Change) => void) => void listeners.delete(listener),
    hasListener: (listener: (change: Change) => void) => listeners.has(listener),
    hasListeners: () => listeners.size > 0,
    fire: (change: Change) => listeners.forEach((listener) => listener(change)),
  };
}

/**
 * The permissions API as MDN describes it: `contains` is true only when everything asked for is granted, `request`
 * resolves to the user's answer, and onAdded/onRemoved report what changed. `granted` holds permission names and
 * origins alike.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/permissions
 */
export function fakePermissions(granted: string[], userAnswer = true) {
  const held = new Set(granted);
  const onAdded = fakeEvent();
  const onRemoved = fakeEvent();
  const named = (asked: Asked) => [...(asked.origins ?? []), ...(asked.permissions ?? [])];
  return {
    held,
    onAdded,
    onRemoved,
    contains: vi.fn(async (asked: Asked) => named(asked).every((name) => held.has(name))),
    request: vi.fn(async (asked: Asked) => {
      if (!userAnswer) return false;
      named(asked).forEach((name) => held.add(name));
      onAdded.fire({ origins: asked.origins ?? [], permissions: asked.permissions ?? [] });
      return true;
    }),
    remove(removed: Asked) {
      named(removed).forEach((name) => held.delete(name));
      onRemoved.fire({ origins: removed.origins ?? [], permissions: removed.permissions ?? [] });
    },
  };
}
