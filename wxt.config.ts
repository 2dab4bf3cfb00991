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
    // scripting: read a failed page's title and text, and show the panel in it; alarms: "Tell me when it's back"
    // asks the site again on a schedule.
    // dns (Firefox only, where the API exists): look a site's address up afresh. Firefox refuses it in
    // optional_permissions (it is not one of the OptionalPermission values of its manifest schema), and it shows
    // no prompt at install, so it is required there.
    permissions: [
      'webRequest',
      'storage',
      'scripting',
      'alarms',
      ...(browser === 'firefox' ? ['dns'] : []),
    ],
    // Asked for when first used, from an extension page (lib/platform/optional-permissions.ts): browsingData when
    // the visitor confirms "Clear this site's data", notifications when a watch starts or the setting is turned on.
    // The in-page panel cannot ask (a content script has no permissions.request); it says where to go instead.
    optional_permissions: ['notifications', 'browsingData'],
    // Every site: the 5xx it may answer with is only visible to webRequest with host access.
    host_permissions: ['<all_urls>'],
    ...(browser === 'firefox' && {
      // Firefox's default for Manifest V3 adds upgrade-insecure-requests, which turns every request the background
      // makes to a plain-HTTP site (Try again, the clean-session comparison) into an HTTPS one that fails. Chrome's
      // default has no such directive.
      // https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Content_Security_Policy#default_content_security_policy
      content_security_policy: { extension_pages: "script-src 'self'" },
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
