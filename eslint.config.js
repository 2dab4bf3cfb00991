// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Code is split by where it runs, and the linter enforces the split, as Dark Reader does:
 * - lib/ is the pure core: no browser API, no DOM, no platform layer. The exceptions are lib/platform, the one layer
 *   that touches extension APIs, and lib/state, the signal factories wired to it.
 * - components/ are presentational (props in, callbacks out): no browser API, no platform layer.
 * - nothing outside entrypoints/ imports entrypoints/.
 * - the background imports the diagnosis engine as types only: it loads it as a script at its first failure.
 */
const why = {
  browser: 'Browser APIs belong in lib/platform or entrypoints/.',
  platform: 'Pass what you need from lib/platform in as a parameter.',
  entrypoints: 'Entrypoints are thin glue: move shared code to lib/ or components/.',
  components: 'The pure core does not render: components/ import lib/, not the other way round.',
  pure: 'lib/ is pure and runs in Node: take what you need as a parameter.',
  engine:
    'The background loads the diagnosis engine when it needs it: use loadEngine() from lib/platform/engine.',
};
// Exact module names go in `paths`: in gitignore-style `patterns`, `#imports` would read as a comment.
const browserApiModules = ['wxt/browser', 'webextension-polyfill', '#imports', 'wxt/storage'].map(
  (name) => ({
    name,
    message: why.browser,
  }),
);
const browserApis = [{ group: ['wxt/utils/*', '@wxt-dev/*'], message: why.browser }];
const platformLayer = [
  { group: ['**/platform', '**/platform/**', '**/state', '**/state/**'], message: why.platform },
];
const entrypoints = [{ group: ['**/entrypoints/**'], message: why.entrypoints }];
const componentsDir = [{ group: ['**/components/**'], message: why.components }];
const extensionGlobals = ['browser', 'chrome'].map((name) => ({ name, message: why.browser }));
const domGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
].map((name) => ({
  name,
  message: why.pure,
}));

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', '.demo/', 'bench-results/', 'store/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['lib/platform/**', 'lib/state/**', 'lib/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: browserApiModules,
          patterns: [...browserApis, ...platformLayer, ...entrypoints, ...componentsDir],
        },
      ],
      'no-restricted-globals': ['error', ...extensionGlobals, ...domGlobals],
    },
  },
  {
    files: ['lib/platform/**', 'lib/state/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...entrypoints, ...componentsDir] }] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    ignores: ['components/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: browserApiModules, patterns: [...browserApis, ...platformLayer, ...entrypoints] },
      ],
      'no-restricted-globals': ['error', ...extensionGlobals],
    },
  },
  {
    // The worker wakes for every request: the engine is a script of its own, loaded at the first failure
    // (lib/platform/engine.ts), never imported. Types are free.
    files: ['entrypoints/background/**/*.ts'],
    ignores: ['entrypoints/background/**/*.test.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/diagnosis/*', '!**/diagnosis/classify', '!**/diagnosis/network-errors'],
              allowTypeImports: true,
              message: why.engine,
            },
          ],
        },
      ],
    },
  },
  {
    // A wrong guess in a test fails the test, which is the point: `!` is allowed there, not in shipped code.
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: entrypoints }] },
  },
);
