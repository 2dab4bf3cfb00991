import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadScenarios, SCENARIOS_DIR } from './scenario';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gateway-lab-scenarios-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: unknown) {
  writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
}

const minimal = {
  title: 'Minimal',
  description: 'One line.',
  group: 'Tests',
  response: { status: 502 },
};

describe('the lab scenario files', () => {
  it('every file in tests/lab/scenarios loads, each with its own id and path', () => {
    const files = readdirSync(SCENARIOS_DIR).filter((name) => name.endsWith('.json'));
    const scenarios = loadScenarios();
    expect(scenarios.map((s) => `${s.id}.json`)).toEqual(files.sort());
    expect(new Set(scenarios.map((s) => s.path)).size).toBe(files.length);
  });
});

describe('loadScenarios', () => {
  it('names the file when it is not JSON', () => {
    write('broken.json', '{ "id": "broken", ');
    expect(() => loadScenarios(dir)).toThrow(`${join(dir, 'broken.json')}: not valid JSON`);
  });

  it('lists every problem of a file with the field at fault', () => {
    write('sloppy.json', {
      id: 'not-sloppy',
      title: '',
      group: 'Tests',
      respnse: {},
      response: { status: 42, headers: { 'Content-Length': '12', 'Bad Name': 'x' } },
      failTimes: 2,
    });
    let message = '';
    try {
      loadScenarios(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`${join(dir, 'sloppy.json')}: invalid scenario`);
    for (const problem of [
      'respnse is not a known field',
      'id must be "sloppy"',
      'title must be a non-empty string',
      'description must be a non-empty string',
      'response.status must be a whole number from 100 to 999',
      'response.headers.Content-Length is set by the lab from the body',
      'response.headers.Bad Name is not a valid header',
      'failTimes and recovered go together',
    ])
      expect(message).toContain(problem);
  });

  it('refuses a body file that is missing or outside the scenario folder', () => {
    write('missing-body.json', {
      ...minimal,
      id: 'missing-body',
      response: { status: 502, bodyFile: 'nowhere.html' },
    });
    expect(() => loadScenarios(dir)).toThrow(/missing-body\.json: .*bodyFile names nowhere\.html/s);
    rmSync(join(dir, 'missing-body.json'));
    write('escaping-body.json', {
      ...minimal,
      id: 'escaping-body',
      response: { status: 502, bodyFile: '../../etc/passwd' },
    });
    expect(() => loadScenarios(dir)).toThrow(/escaping-body\.json: .*bodyFile must stay inside/s);
  });

  it('refuses two scenarios on one path, and paths the lab keeps for itself', () => {
    write('first.json', { ...minimal, id: 'first', path: '/api/v2/status.json' });
    write('second.json', { ...minimal, id: 'second', path: '/api/v2/status.json' });
    expect(() => loadScenarios(dir)).toThrow(
      `${join(dir, 'second.json')}: path /api/v2/status.json is already taken by first.json`,
    );
    rmSync(join(dir, 'second.json'));
    expect(() =>
      loadScenarios(dir, (path) => (path.startsWith('/api/') ? 'the lab itself' : undefined)),
    ).toThrow(
      `${join(dir, 'first.json')}: path /api/v2/status.json is already taken by the lab itself`,
    );
  });

  it('serves a scenario at /scenarios/<id> with the standard reason phrase unless told otherwise', () => {
    write('plain.json', { ...minimal, id: 'plain' });
    write('custom.json', {
      ...minimal,
      id: 'custom',
      response: { status: 530, reason: '', headers: { Via: ['1.1 a', '1.1 b'] } },
    });
    const [custom, plain] = loadScenarios(dir);
    expect(plain?.path).toBe('/scenarios/plain');
    // RFC 9110 section 15.6.3
    expect(plain?.response.reason).toBe('Bad Gateway');
    expect(custom?.response.reason).toBe('');
    expect(custom?.response.headers).toEqual([
      ['Via', '1.1 a'],
      ['Via', '1.1 b'],
    ]);
  });
});
