/**
 * The project's benchmark (`npm run bench`): builds both packages, then measures, side by side in one run, what the
 * extension costs (issue 9): sizes of every entrypoint, the diagnosis engine, the background's cost per webRequest
 * event and its memory after many failures (Node, on the built background script), and in Chromium and Firefox the
 * healthy pages' load time with and without the extension, the panel's and the popup's time to appear. It prints one
 * table and writes the same figures to bench-results/latest.json. It asserts nothing: the targets beside some figures
 * are the issue's, for a person to read; the size budgets are the tests' (tests/e2e/package.e2e.ts).
 *
 * BENCH_MS shortens each timed Node loop; BENCH_PAGES, BENCH_PANELS and BENCH_POPUPS the browser runs (defaults:
 * 200 pages, 40 panels, 10 popups), for a quick look.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isServerFailure } from '../lib/diagnosis/classify';
import { diagnose } from '../lib/diagnosis/diagnose';
import type { Observation } from '../lib/diagnosis/types';
import { BUILDS, browserExecutable, ROOT } from '../tests/e2e/harness/paths';
import { startLab } from '../tests/lab/server';
import { BUDGETS_KIB, buildIn, entrypointSizes } from '../tests/support/entrypoint-sizes';
import { fixtureMarkers, headerEntries, loadGatewayFixtures } from '../tests/support/fixtures';
import { measureBrowser } from './bench/browsers';
import { markdownTable, textTable, type SectionResult } from './bench/report';
import type { Row } from './bench/rows';

interface Section {
  readonly name: string;
  readonly run: () => Row[] | Promise<Row[]>;
}

/** How long each timed loop runs; BENCH_MS shortens it for a quick look. */
const DURATION_MS = Number(process.env.BENCH_MS) > 0 ? Number(process.env.BENCH_MS) : 1000;

/** Results land here so the optimiser cannot drop the work being measured. */
let sink = 0;

/** Calls `step(i)` in batches until the time is up; returns calls per second. */
function perSecond(step: (i: number) => void): number {
  const batch = 10_000;
  for (let i = 0; i < batch; i++) step(i); // warm-up: let the JIT settle first
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < DURATION_MS) {
    for (let i = 0; i < batch; i++) step(calls + i);
    calls += batch;
    elapsed = performance.now() - start;
  }
  return (calls / elapsed) * 1000;
}

/** What the background sees on ordinary browsing: mostly 200s, some redirects, revalidations and client errors. */
const HEALTHY_STATUSES = [200, 200, 200, 204, 301, 302, 304, 304, 404, 403];

function fixtureObservations(): Observation[] {
  return loadGatewayFixtures().map((fixture) => ({
    url: 'https://shop.example.com/checkout?item=1',
    method: 'GET',
    statusCode: fixture.status,
    statusLine: `HTTP/1.1 ${fixture.status} ${fixture.reason}`,
    headers: headerEntries(fixture),
    frame: 'main_frame',
    page: fixtureMarkers(fixture),
    time: Date.UTC(2026, 0, 1),
  }));
}

const diagnosisSection: Section = {
  name: 'diagnosis',
  run: () => {
    const statuses = HEALTHY_STATUSES;
    // The same call with nothing inside: what any listener costs before it does any work.
    const emptyHandler = (_statusCode: number): boolean => false;
    const empty = perSecond((i) => {
      sink += emptyHandler(statuses[i % statuses.length] ?? 0) ? 1 : 0;
    });
    const healthy = perSecond((i) => {
      sink += isServerFailure(statuses[i % statuses.length] ?? 0) ? 1 : 0;
    });
    // Page markers are read once up front, as the content script would; only the engine is timed.
    const failures = fixtureObservations();
    const failed = perSecond((i) => {
      const observation = failures[i % failures.length];
      if (observation && isServerFailure(observation.statusCode)) {
        sink += diagnose(observation).visitorSteps.length;
      }
    });
    return [
      { measure: 'healthy events classified', value: healthy, unit: 'events/s' },
      {
        measure: `5xx events diagnosed (${failures.length} real responses)`,
        value: failed,
        unit: 'events/s',
      },
      { measure: 'empty function (baseline)', value: empty, unit: 'calls/s' },
      { measure: 'healthy path time / empty function time', value: empty / healthy, unit: '×' },
    ];
  },
};

/** Both packages, as `npm run build` makes them: the sizes and the background are measured on what ships. */
function build() {
  progress('building both packages (npm run build)');
  try {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
    throw new Error('npm run build failed: nothing to measure');
  }
}

const kib = (bytes: number) => bytes / 1024;

const sizesSection = (browser: keyof typeof BUILDS): Section => ({
  name: `sizes (${browser} build)`,
  run: () =>
    entrypointSizes(buildIn(BUILDS[browser])).flatMap((size) => {
      const budget = BUDGETS_KIB[size.name];
      const what = `${size.name}: ${size.files.length} file${size.files.length === 1 ? '' : 's'}`;
      return [
        { measure: `${what}, raw`, value: kib(size.raw), unit: 'KB' },
        {
          measure: `${what}, gzipped`,
          value: kib(size.gzip),
          unit: 'KB',
          ...(budget !== undefined && {
            target: { text: `≤ ${budget} KB (budget)`, met: size.gzip <= budget * 1024 },
          }),
        },
      ];
    }),
});

/** A script of scripts/bench run in a Node process of its own (a clean heap, no JIT state from other sections). */
const childSection = (name: string, script: string, nodeFlags: string[] = []): Section => ({
  name,
  run: () => {
    const output = execFileSync(
      process.execPath,
      [...nodeFlags, '--import', 'tsx', join(import.meta.dirname, 'bench', script)],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    return JSON.parse(output) as Row[];
  },
});

const count = (variable: string, fallback: number) =>
  Number(process.env[variable]) > 0 ? Math.round(Number(process.env[variable])) : fallback;
const RUNS = {
  pages: count('BENCH_PAGES', 200),
  panelSamples: count('BENCH_PANELS', 40),
  popupSamples: count('BENCH_POPUPS', 10),
};

/** Each browser's two sections come from one run of it (launching Firefox twice would cost seconds). */
function browserSections(browser: 'chromium' | 'firefox'): Section[] {
  let measured: ReturnType<typeof measureBrowser> | undefined;
  const measure = () => {
    measured ??= (async () => {
      const lab = await startLab();
      try {
        return await measureBrowser(browser, lab, RUNS);
      } finally {
        await lab.close();
      }
    })();
    return measured;
  };
  return [
    { name: `healthy browsing (${browser})`, run: async () => (await measure()).healthy },
    { name: `panel and popup (${browser})`, run: async () => (await measure()).panel },
  ];
}

const sections: readonly Section[] = [
  sizesSection('chromium'),
  sizesSection('firefox'),
  diagnosisSection,
  childSection('background per webRequest event', 'background-cost.ts'),
  childSection('background memory', 'background-memory.ts', ['--expose-gc']),
  ...browserSections('chromium'),
  ...browserSections('firefox'),
];

function progress(message: string) {
  process.stderr.write(`bench: ${message}\n`);
}

function version(executable: string): string {
  try {
    return execFileSync(executable, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** What the figures were taken on. */
function machine() {
  const osRelease = (() => {
    try {
      return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    } catch {
      return undefined;
    }
  })();
  return {
    cpu: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${Math.round(totalmem() / 1024 ** 3)} GB`,
    os: osRelease ?? process.platform,
    node: process.version,
    chromium: version(browserExecutable('chromium')),
    firefox: version(browserExecutable('firefox')),
    loadAverageAtStart: loadavg()[0]?.toFixed(2) ?? 'unknown',
  };
}

async function main() {
  const started = performance.now();
  build();
  const about = machine();
  const results: SectionResult[] = [];
  for (const section of sections) {
    const sectionStart = performance.now();
    progress(`${section.name}…`);
    results.push({ section: section.name, rows: await section.run() });
    progress(`${section.name}: ${((performance.now() - sectionStart) / 1000).toFixed(1)} s`);
  }
  const minutes = (performance.now() - started) / 60_000;
  const loadAverageAtEnd = loadavg()[0]?.toFixed(2) ?? 'unknown';

  const header = [
    `Machine: ${about.cpu}, ${about.memory} memory, ${about.os}; Node ${about.node}; ${about.chromium}; ${about.firefox}.`,
    `Load average (1 min) ${about.loadAverageAtStart} at the start, ${loadAverageAtEnd} at the end; the run took ${minutes.toFixed(1)} min.`,
  ];
  console.log([...header, '', textTable(results)].join('\n'));

  const directory = join(ROOT, 'bench-results');
  mkdirSync(directory, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: { ...about, loadAverageAtEnd },
    durationMsPerMeasure: DURATION_MS,
    runs: RUNS,
    minutes,
    sections: results,
    // Written out so the optimiser must keep the measured work; the value itself means nothing.
    sink,
  };
  writeFileSync(join(directory, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  // The same table in Markdown, for the README's Benchmark section.
  writeFileSync(
    join(directory, 'latest.md'),
    `${header.join('\n')}\n\n${markdownTable(results)}\n`,
  );
  console.log('\nWritten to bench-results/latest.json and bench-results/latest.md');
}

await main();
