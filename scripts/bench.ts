/**
 * The project's benchmark (`npm run bench`). Each section measures one part of the extension and returns rows; the
 * rows are printed as one table and written to bench-results/latest.json. It reports and asserts nothing: a slow
 * number is for a person to read. Browser sections (page load with and without the extension) join the list below.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isServerFailure } from '../lib/diagnosis/classify';
import { diagnose } from '../lib/diagnosis/diagnose';
import type { Observation } from '../lib/diagnosis/types';
import { fixtureMarkers, headerEntries, loadGatewayFixtures } from '../tests/support/fixtures';

interface Row {
  readonly measure: string;
  readonly value: number;
  readonly unit: string;
}

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

const sections: readonly Section[] = [diagnosisSection];

async function main() {
  const results: { section: string; rows: Row[] }[] = [];
  for (const section of sections)
    results.push({ section: section.name, rows: await section.run() });

  const lines = results.flatMap(({ section, rows }) =>
    rows.map((row) => [
      section,
      row.measure,
      row.value >= 100 ? Math.round(row.value).toLocaleString('en') : row.value.toFixed(2),
      row.unit,
    ]),
  );
  const header = ['section', 'measure', 'value', 'unit'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 2 ? cell.padStart(widths[2] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ');
  console.log([format(header), ...lines.map(format)].join('\n'));

  const directory = join(import.meta.dirname, '..', 'bench-results');
  mkdirSync(directory, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    durationMsPerMeasure: DURATION_MS,
    sections: results,
    // Written out so the optimiser must keep the measured work; the value itself means nothing.
    sink,
  };
  writeFileSync(join(directory, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten to ${join('bench-results', 'latest.json')}`);
}

await main();
