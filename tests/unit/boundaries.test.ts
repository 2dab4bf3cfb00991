import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/harness/paths';

/** Lints a snippet as if it lived at `path`, and returns the rules it broke. */
async function brokenRules(path: string, code: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(code, { filePath: `${ROOT}/${path}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it.each([
    ['lib/diagnosis/x.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;"],
    ['lib/diagnosis/x.ts', "import { storage } from '#imports';\nexport const x = storage;"],
    [
      'lib/diagnosis/x.ts',
      "import { tabIncidents } from '../platform/tab-incidents';\nexport const x = tabIncidents;",
    ],
    ['lib/retry/x.ts', "import { App } from '@/entrypoints/popup/App';\nexport const x = App;"],
    [
      'lib/retry/x.ts',
      "import { PageStatus } from '@/components/PageStatus';\nexport const x = PageStatus;",
    ],
    ['components/X.tsx', "import { browser } from 'wxt/browser';\nexport const x = browser;"],
    [
      'components/X.tsx',
      "import { translate } from '@/lib/platform/i18n';\nexport const x = translate;",
    ],
  ])('%s may not import that: %s', async (path, code) => {
    expect(await brokenRules(path, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['lib/diagnosis/x.ts', 'export const x = chrome.runtime.id;'],
    ['lib/diagnosis/x.ts', 'export const x = document.title;'],
    ['components/X.tsx', 'export const x = browser.runtime.id;'],
  ])('%s may not use that global: %s', async (path, code) => {
    expect(await brokenRules(path, code)).toContain('no-restricted-globals');
  });

  it.each([
    "import { diagnose } from '@/lib/diagnosis/diagnose';\nexport const x = diagnose;",
    "import { ownerReport } from '../../lib/diagnosis/report';\nexport const x = ownerReport;",
    "import { GATEWAYS } from '@/lib/diagnosis/fingerprints';\nexport const x = GATEWAYS;",
  ])(
    'the background may not import the diagnosis engine, which it loads late: %s',
    async (code) => {
      expect(await brokenRules('entrypoints/background/x.ts', code)).toContain(
        '@typescript-eslint/no-restricted-imports',
      );
    },
  );

  it('lets the background import the engine’s types and the classification it runs per request', async () => {
    expect(
      await brokenRules(
        'entrypoints/background/x.ts',
        "import type { Diagnosis } from '@/lib/diagnosis/types';\nimport { isServerFailure } from '@/lib/diagnosis/classify';\nexport const x = (d: Diagnosis) => isServerFailure(d.statusCode);",
      ),
    ).toEqual([]);
  });

  it('lets the platform layer use browser APIs and the pure core import its siblings', async () => {
    expect(
      await brokenRules(
        'lib/platform/x.ts',
        "import { browser } from 'wxt/browser';\nexport const x = browser;",
      ),
    ).toEqual([]);
    expect(
      await brokenRules(
        'lib/diagnosis/x.ts',
        "import { indexHeaders } from './headers';\nexport const x = indexHeaders;",
      ),
    ).toEqual([]);
    expect(
      await brokenRules(
        'components/X.tsx',
        "import { message } from '@/lib/i18n/messages';\nexport const x = message;",
      ),
    ).toEqual([]);
  });
});
