import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';

// The Firefox add-on id must never change: AMO, storage and the tests' fixed moz-extension UUID all key on it.
export const GECKO_ID = 'gateway-doctor@gateway-doctor.dev';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: the linter can then see, and forbid, browser APIs outside the glue layer.
  imports: false,
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), tailwindcss()],
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.demo/**', 'bench-results/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Gateway Doctor',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_actionTitleIdle__' },
    // webRequest: see responses' status and headers; storage: per-tab incidents, settings, history;
    // scripting: read a failed page's title and text, and show the panel in it.
    // alarms, notifications: "Tell me when it's back" asks the site again on a schedule and says when it answers.
    // Required, not optional: the watch starts from the in-page panel, where a permission cannot be requested.
    permissions: ['webRequest', 'storage', 'scripting', 'alarms', 'notifications'],
    // Every site: the 5xx it may answer with is only visible to webRequest with host access.
    host_permissions: ['<all_urls>'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // 140 is the ESR that introduced data_collection_permissions; storage.session needs 115.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
