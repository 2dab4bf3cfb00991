import config from '../../wxt.config';

export type ManifestBrowser = 'chrome' | 'firefox';

/** The manifest wxt.config.ts gives a production build for this browser, as declared (before WXT adds entrypoints). */
export async function declaredManifest(browser: ManifestBrowser): Promise<Record<string, unknown>> {
  const manifest =
    typeof config.manifest === 'function'
      ? await config.manifest({ browser, mode: 'production', command: 'build', manifestVersion: 3 })
      : await config.manifest;
  return (manifest ?? {}) as Record<string, unknown>;
}
