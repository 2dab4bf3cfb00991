import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type OutgoingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayFixture } from '../support/fixtures';
import { GATEWAY_FIXTURES_DIR } from './replays';
import { SCENARIOS_DIR } from './scenario';
import { requestHeader, startLab, type Lab } from './server';

interface Answer {
  status: number;
  reason: string;
  rawHeaders: string[];
  body: Buffer;
}

/** One request over a fresh connection to the lab (127.0.0.1 only). */
function send(
  lab: Lab,
  path: string,
  options: { method?: string; headers?: OutgoingHttpHeaders; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      lab.url(path),
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            reason: res.statusMessage ?? '',
            rawHeaders: res.rawHeaders,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** The exact bytes the lab writes for a request, read until it closes the connection. */
function rawBytes(port: number, path: string, host = '127.0.0.1'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, host, () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nConnection: close\r\n\r\n`),
    );
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}

function header(answer: Answer, name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2)
    if (answer.rawHeaders[i]?.toLowerCase() === name.toLowerCase())
      values.push(answer.rawHeaders[i + 1] ?? '');
  return values;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

const scenarioFiles = readdirSync(SCENARIOS_DIR).filter((name) => name.endsWith('.json'));
const fixtureFiles = readdirSync(GATEWAY_FIXTURES_DIR).filter((name) => name.endsWith('.json'));
/** 2026-01-01T00:00:00Z, a Thursday. */
const NEW_YEAR_2026 = Date.UTC(2026, 0, 1);

describe('the gateway lab with the project scenarios and fixtures', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab({ port: 0, now: () => NEW_YEAR_2026 });
  });
  afterAll(() => lab.close());
  afterEach(() => lab.reset());

  it('listens on 127.0.0.1 only', async () => {
    expect(lab.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(lab.origin).port);
    // Linux routes all of 127/8 to the loopback: a server bound to every address would answer here.
    await expect(rawBytes(port, '/', '127.0.0.2')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('answers every scenario file with the status its file gives first', async () => {
    for (const name of scenarioFiles) {
      const file = readJson<{ id: string; path?: string; response: { status: number } }>(
        join(SCENARIOS_DIR, name),
      );
      const answer = await send(lab, `${file.path ?? `/scenarios/${file.id}`}?delay=0`);
      expect(answer.status, name).toBe(file.response.status);
    }
  });

  it('lists every scenario and every gateway replay on a healthy index page', async () => {
    const index = await send(lab, '/');
    expect(index.status).toBe(200);
    const html = index.body.toString('utf8');
    for (const name of scenarioFiles) {
      const file = readJson<{ id: string; path?: string }>(join(SCENARIOS_DIR, name));
      expect(html, name).toContain(`href="${file.path ?? `/scenarios/${file.id}`}"`);
    }
    for (const name of fixtureFiles)
      expect(html, name).toContain(`href="/gateway/${name.replace(/\.json$/, '')}"`);
  });

  it('replays every gateway fixture byte for byte: status line, raw headers, body', async () => {
    const port = Number(new URL(lab.origin).port);
    expect(fixtureFiles.length).toBeGreaterThan(0);
    for (const name of fixtureFiles) {
      const fixture = readJson<GatewayFixture>(join(GATEWAY_FIXTURES_DIR, name));
      const headerLines = Object.entries(fixture.headers).flatMap(([header, value]) =>
        (Array.isArray(value) ? value : [value]).map((one) => `${header}: ${one}\r\n`),
      );
      const expected = Buffer.concat([
        Buffer.from(`HTTP/1.1 ${fixture.status} ${fixture.reason}\r\n${headerLines.join('')}\r\n`),
        Buffer.from(fixture.body, 'utf8'),
      ]);
      const received = await rawBytes(port, `/gateway/${fixture.id}`);
      expect(received.toString('latin1'), name).toBe(expected.toString('latin1'));
    }
  });

  it('fails a recovering scenario N times per run token, then recovers', async () => {
    const { failTimes } = readJson<{ failTimes: number }>(
      join(SCENARIOS_DIR, 'recovers-after-failures.json'),
    );
    expect(failTimes).toBe(3);
    const statuses = [];
    for (const run of ['a', 'a', 'b', 'a', 'a', 'b', undefined]) {
      const query = run === undefined ? '' : `?run=${run}`;
      statuses.push((await send(lab, `/scenarios/recovers-after-failures${query}`)).status);
    }
    expect(statuses).toEqual([502, 502, 502, 502, 200, 502, 502]);
    lab.reset();
    expect((await send(lab, '/scenarios/recovers-after-failures?run=a')).status).toBe(502);
  });

  it('fails the cookie scenario only for a request carrying its session cookie', async () => {
    const signIn = await send(lab, '/scenarios/fails-with-cookies');
    expect(signIn.status).toBe(200);
    expect(header(signIn, 'set-cookie').map((cookie) => cookie.split('=')[0])).toEqual([
      'lab_session',
      'lab_theme',
    ]);
    const other = await send(lab, '/scenarios/fails-with-cookies', {
      headers: { Cookie: 'lab_theme=dark; unrelated=lab_session' },
    });
    expect(other.status).toBe(200);
    const signedIn = await send(lab, '/scenarios/fails-with-cookies', {
      headers: { Cookie: 'lab_theme=dark; lab_session=abc' },
    });
    expect(signedIn.status).toBe(502);
  });

  it('answers the form page with 200 and its POST with 502', async () => {
    expect((await send(lab, '/scenarios/form-post-fails')).status).toBe(200);
    const posted = await send(lab, '/scenarios/form-post-fails', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=Mara&quantity=1',
    });
    expect(posted.status).toBe(502);
    expect(lab.requests({ scenario: 'form-post-fails', method: 'post' })).toHaveLength(1);
  });

  it('logs each request with method, path and query, raw headers, time, scenario and run', async () => {
    await send(lab, '/scenarios/healthy-page?run=log-test&x=1', {
      headers: {
        'X-Lab-Probe': 'One',
        'If-None-Match': '"lab-healthy-page-1"',
        'x-repeat': ['1', '2'],
      },
    });
    await send(lab, '/nowhere');
    const [logged, ...others] = lab.requests({ run: 'log-test' });
    expect(others).toEqual([]);
    expect(logged).toMatchObject({
      method: 'GET',
      path: '/scenarios/healthy-page?run=log-test&x=1',
      time: NEW_YEAR_2026,
      scenario: 'healthy-page',
      run: 'log-test',
    });
    expect(logged?.headers).toEqual(
      expect.arrayContaining([
        ['X-Lab-Probe', 'One'],
        ['If-None-Match', '"lab-healthy-page-1"'],
        ['x-repeat', '1'],
        ['x-repeat', '2'],
      ]),
    );
    expect(logged && requestHeader(logged, 'if-none-match')).toBe('"lab-healthy-page-1"');
    expect(lab.requests().at(-1)).toMatchObject({ path: '/nowhere', scenario: undefined });
    lab.clearRequests();
    expect(lab.requests()).toEqual([]);
  });

  it('sends Retry-After both as seconds and as a date after its own Date header', async () => {
    const seconds = await send(lab, '/scenarios/unavailable-retry-after-seconds');
    expect(header(seconds, 'retry-after')).toEqual(['120']);
    const dated = await send(lab, '/scenarios/unavailable-retry-after-date');
    expect(dated.status).toBe(503);
    expect(header(dated, 'date')).toEqual(['Thu, 01 Jan 2026 00:00:00 GMT']);
    expect(header(dated, 'retry-after')).toEqual(['Thu, 01 Jan 2026 00:05:00 GMT']);
  });

  it('delays the slow 504 by the query, at least that long', async () => {
    const started = performance.now();
    const answer = await send(lab, '/scenarios/gateway-timeout-slow?delay=300');
    expect(answer.status).toBe(504);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('refuses to listen anywhere but 127.0.0.1', async () => {
    await expect(startLab({ host: '0.0.0.0' })).rejects.toThrow(/only listens on 127\.0\.0\.1/);
    await expect(startLab({ host: 'localhost' })).rejects.toThrow(/only listens on 127\.0\.0\.1/);
  });
});

describe('the gateway lab with its own scenario and fixture folders', () => {
  let root: string;
  let lab: Lab | undefined;
  afterEach(async () => {
    await lab?.close();
    lab = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  function folders(scenarios: Record<string, unknown>, fixtures: Record<string, unknown>) {
    root = mkdtempSync(join(tmpdir(), 'gateway-lab-'));
    const scenariosDir = join(root, 'scenarios');
    const fixturesDir = join(root, 'fixtures');
    mkdirSync(scenariosDir);
    mkdirSync(fixturesDir);
    for (const [name, content] of Object.entries(scenarios))
      writeFileSync(join(scenariosDir, name), JSON.stringify(content));
    for (const [name, content] of Object.entries(fixtures))
      writeFileSync(join(fixturesDir, name), JSON.stringify(content));
    return { scenariosDir, fixturesDir };
  }

  it('names the malformed scenario file it refuses to start with', async () => {
    const dirs = folders({ 'no-status.json': { id: 'no-status', response: {} } }, {});
    await expect(startLab(dirs)).rejects.toThrow(
      `${join(dirs.scenariosDir, 'no-status.json')}: invalid scenario`,
    );
  });

  it('corrects only a Content-Length that disagrees with the body, and adds no framing of its own', async () => {
    const dirs = folders(
      {},
      {
        'wrong-length.json': {
          id: 'wrong-length',
          status: 502,
          reason: 'Bad Gateway',
          headers: { Server: 'test', 'Content-Length': '999' },
          body: 'héllo',
        },
        'no-length.json': {
          id: 'no-length',
          status: 503,
          reason: 'Service Unavailable',
          headers: { server: 'test', 'set-cookie': ['a=1', 'b=2'] },
          body: 'down',
        },
      },
    );
    lab = await startLab(dirs);
    const port = Number(new URL(lab.origin).port);
    expect((await rawBytes(port, '/gateway/wrong-length')).toString('utf8')).toBe(
      'HTTP/1.1 502 Bad Gateway\r\nServer: test\r\nContent-Length: 6\r\n\r\nhéllo',
    );
    expect((await rawBytes(port, '/gateway/no-length')).toString('utf8')).toBe(
      'HTTP/1.1 503 Service Unavailable\r\nserver: test\r\nset-cookie: a=1\r\nset-cookie: b=2\r\n\r\ndown',
    );
  });

  it('caps a delay asked for by query at the scenario maximum', async () => {
    lab = await startLab(
      folders(
        {
          'capped.json': {
            id: 'capped',
            title: 'Capped',
            description: 'One line.',
            group: 'Tests',
            response: { status: 504, maxDelayMs: 50 },
          },
        },
        {},
      ),
    );
    const started = performance.now();
    expect((await send(lab, '/scenarios/capped?delay=60000')).status).toBe(504);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('closes promptly while a delayed answer is still pending', async () => {
    lab = await startLab(
      folders(
        {
          'stuck.json': {
            id: 'stuck',
            title: 'Stuck',
            description: 'One line.',
            group: 'Tests',
            response: { status: 504, delayMs: 60000 },
          },
        },
        {},
      ),
    );
    const pending = send(lab, '/scenarios/stuck');
    await expect.poll(() => lab?.requests({ scenario: 'stuck' }).length).toBe(1);
    const started = performance.now();
    await lab.close();
    expect(performance.now() - started).toBeLessThan(2_000);
    await expect(pending).rejects.toThrow(/socket hang up/);
  });
});
