import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.{ts,tsx}',
            'components/**/*.test.{ts,tsx}',
            'entrypoints/**/*.test.{ts,tsx}',
            'tests/unit/**/*.test.{ts,tsx}',
            'tests/lab/**/*.test.ts',
            'tests/support/**/*.test.ts',
            'tests/e2e/harness/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
          // Worker threads start faster than the default child processes: on two cores the unit run took 108-111 s
          // against 118-132 s. Nothing here needs a process of its own (no process.chdir, no native addon).
          pool: 'threads',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          // Real browsers on two cores: one file at a time, each owning its browser.
          fileParallelism: false,
          // One module graph for every file (the harness, Playwright, puppeteer imported once, not 17 times): each
          // file's state lives in its own browserSession, nothing at module level. About 2 s a file.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
