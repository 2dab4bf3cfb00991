/**
 * Watching the extension's storage from the harness's extension page, for `Harness.inExtension`: what is stored,
 * how large it is, and every change from the moment watching starts (storage.onChanged fires once per write).
 */
import type { ExtensionApi } from './harness';

export interface StorageChange {
  readonly area: string;
  readonly keys: readonly string[];
}

/** Starts (or starts again) recording every storage change. */
export const watchStorage = (api: ExtensionApi) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const world = globalThis as any;
  world.storageChanges = [];
  if (!world.watchingStorage) {
    api.storage.onChanged.addListener((changes: object, area: string) =>
      world.storageChanges.push({ area, keys: Object.keys(changes) }),
    );
    world.watchingStorage = true;
  }
  return true;
};

/** The changes recorded since watching started. */
export const storageChanges = (): StorageChange[] =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (globalThis as any).storageChanges ?? [];

/** Everything in storage.local and storage.session. */
export const storedState = async (api: ExtensionApi) => ({
  local: (await api.storage.local.get(null)) as Record<string, unknown>,
  session: (await api.storage.session.get(null)) as Record<string, unknown>,
});
