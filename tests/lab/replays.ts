/**
 * Real gateway responses (tests/fixtures/gateways, format `GatewayFixture`) replayed as the product sent them: status
 * line with its own reason phrase, header names in their casing and order, the file's Date, and the body byte for byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { validateHeaderName, validateHeaderValue } from 'node:http';
import { join } from 'node:path';
import type { GatewayFixture } from '../support/fixtures';

export const GATEWAY_FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures', 'gateways');

/** Replays are served at `/gateway/<fixture id>`. */
export const REPLAY_PATH_PREFIX = '/gateway/';

export interface Replay {
  readonly id: string;
  readonly vendor: string;
  readonly meaning: string;
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly (readonly [name: string, value: string])[];
  readonly body: Buffer;
}

function replayOf(fixture: GatewayFixture, file: string): Replay {
  if (typeof fixture !== 'object' || fixture === null || Array.isArray(fixture))
    throw new Error(`${file}: must hold one JSON object`);
  const problems: string[] = [];
  const { id, vendor, status, reason, headers, body, meaning } = fixture;
  if (typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id)) problems.push('id must be kebab-case');
  if (!Number.isInteger(status) || status < 100 || status > 999)
    problems.push('status must be a whole number from 100 to 999');
  if (typeof reason !== 'string' || /[\r\n]/.test(reason))
    problems.push('reason must be a one-line string');
  if (typeof body !== 'string') problems.push('body must be a string');
  if (typeof headers !== 'object' || headers === null) problems.push('headers must be an object');
  const bytes = Buffer.from(typeof body === 'string' ? body : '', 'utf8');
  const list: [string, string][] = [];
  for (const [name, values] of Object.entries(headers ?? {})) {
    for (const value of Array.isArray(values) ? values : [values]) {
      if (typeof value !== 'string') {
        problems.push(`header ${name} must be a string or a list of strings`);
        continue;
      }
      try {
        validateHeaderName(name);
        validateHeaderValue(name, value);
      } catch (error) {
        problems.push(`header ${name}: ${(error as Error).message}`);
        continue;
      }
      // A length that disagrees with the body would leave the browser waiting for bytes that never come, or cut the
      // page short: no real gateway does that on purpose, so the body wins and only this value changes.
      const wrongLength = name.toLowerCase() === 'content-length' && value !== String(bytes.length);
      list.push([name, wrongLength ? String(bytes.length) : value]);
    }
  }
  if (problems.length > 0)
    throw new Error(`${file}: cannot replay this fixture\n  - ${problems.join('\n  - ')}`);
  return {
    id,
    vendor: String(vendor),
    meaning: String(meaning),
    status,
    reason,
    headers: list,
    body: bytes,
  };
}

/** Every fixture present in `dir` now, in file-name order. */
export function loadReplays(dir = GATEWAY_FIXTURES_DIR): Replay[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      let fixture: GatewayFixture;
      try {
        fixture = JSON.parse(readFileSync(file, 'utf8')) as GatewayFixture;
      } catch (error) {
        throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
      }
      return replayOf(fixture, file);
    });
}
