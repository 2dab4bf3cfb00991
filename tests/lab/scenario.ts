/**
 * The gateway lab's scenarios are data: one JSON file each in tests/lab/scenarios (format in tests/lab/README.md).
 * This module reads and checks them, so that a mistake in a file stops the lab with the file's name and the field at
 * fault instead of surfacing later as a puzzling browser test failure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { STATUS_CODES, validateHeaderName, validateHeaderValue } from 'node:http';
import { basename, join, relative, resolve } from 'node:path';

export const SCENARIOS_DIR = join(import.meta.dirname, 'scenarios');

/** Where each scenario is served unless its file gives a `path`. */
export const SCENARIO_PATH_PREFIX = '/scenarios/';

/** A delay asked for by query can never hold a browser test longer than this. */
export const MAX_DELAY_MS = 300_000;

export interface ScenarioResponse {
  readonly status: number;
  /** Node's usual phrase for the status unless the file gives one (possibly empty). */
  readonly reason: string;
  /** In the order sent; a header listed twice is sent twice. */
  readonly headers: readonly (readonly [name: string, value: string])[];
  readonly body: Buffer;
  readonly delayMs: number;
  /** When set, `?delay=<ms>` picks the delay for one request, capped here. */
  readonly maxDelayMs: number | undefined;
  /** When set, a `Retry-After` HTTP-date this many seconds after the response's own Date. */
  readonly retryAfterDateSeconds: number | undefined;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly group: string;
  readonly path: string;
  /** Where the response is modelled on, when it imitates a real product. */
  readonly source: string | undefined;
  readonly response: ScenarioResponse;
  /** The first `failTimes` requests (per `?run=` token) get `response`, later ones `recovered`. */
  readonly failTimes: number;
  readonly recovered: ScenarioResponse | undefined;
  /** Answer when the request carries this cookie. */
  readonly whenCookie: { readonly cookie: string; readonly response: ScenarioResponse } | undefined;
  /** Answer by request method (upper case), ahead of every other rule. */
  readonly methods: ReadonlyMap<string, ScenarioResponse>;
}

const SCENARIO_KEYS = [
  'id',
  'title',
  'description',
  'group',
  'path',
  'source',
  'response',
  'failTimes',
  'recovered',
  'whenCookie',
  'methods',
];
const RESPONSE_KEYS = [
  'status',
  'reason',
  'headers',
  'body',
  'bodyFile',
  'delayMs',
  'maxDelayMs',
  'retryAfterDate',
];
/** The lab frames every scenario body itself; a hand-written length or encoding would only be wrong. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding']);
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** RFC 9110 token, for cookie and method names. https://www.rfc-editor.org/rfc/rfc9110#name-tokens */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

type Json = Record<string, unknown>;

/** Collects every problem in one file, so a newcomer fixes them in one go. */
class Problems {
  readonly list: string[] = [];
  add(where: string, what: string): void {
    this.list.push(`${where} ${what}`);
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(object: Json, allowed: readonly string[], where: string, problems: Problems) {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key))
      problems.add(`${where}${key}`, `is not a known field (known: ${allowed.join(', ')})`);
  }
}

function text(object: Json, key: string, where: string, problems: Problems): string {
  const value = object[key];
  if (typeof value === 'string' && value.trim() !== '') return value;
  problems.add(`${where}${key}`, 'must be a non-empty string');
  return '';
}

function optionalText(object: Json, key: string, where: string, problems: Problems) {
  return object[key] === undefined ? undefined : text(object, key, where, problems);
}

function wholeNumber(
  object: Json,
  key: string,
  range: readonly [min: number, max: number],
  where: string,
  problems: Problems,
): number | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= range[0] &&
    value <= range[1]
  )
    return value;
  problems.add(`${where}${key}`, `must be a whole number from ${range[0]} to ${range[1]}`);
  return undefined;
}

function headerList(value: unknown, where: string, problems: Problems): [string, string][] {
  if (value === undefined) return [];
  if (!isObject(value)) {
    problems.add(where, 'must be an object of header name to value (or list of values)');
    return [];
  }
  const headers: [string, string][] = [];
  for (const [name, values] of Object.entries(value)) {
    const list = Array.isArray(values) ? values : [values];
    for (const one of list) {
      if (typeof one !== 'string') {
        problems.add(`${where}.${name}`, 'must be a string or a list of strings');
        continue;
      }
      try {
        validateHeaderName(name);
        validateHeaderValue(name, one);
        headers.push([name, one]);
      } catch (error) {
        problems.add(`${where}.${name}`, `is not a valid header: ${(error as Error).message}`);
      }
    }
    if (FRAMING_HEADERS.has(name.toLowerCase()))
      problems.add(`${where}.${name}`, 'is set by the lab from the body; leave it out');
  }
  return headers;
}

function bodyBytes(spec: Json, dir: string, where: string, problems: Problems): Buffer {
  const { body, bodyFile } = spec;
  if (body !== undefined && bodyFile !== undefined) {
    problems.add(where, 'has both body and bodyFile; keep one');
    return Buffer.alloc(0);
  }
  if (bodyFile !== undefined) {
    if (typeof bodyFile !== 'string' || bodyFile === '') {
      problems.add(`${where}bodyFile`, 'must be a file name next to the scenario');
      return Buffer.alloc(0);
    }
    const file = resolve(dir, bodyFile);
    if (relative(dir, file).startsWith('..')) {
      problems.add(`${where}bodyFile`, `must stay inside ${dir}`);
      return Buffer.alloc(0);
    }
    if (!existsSync(file)) {
      problems.add(`${where}bodyFile`, `names ${bodyFile}, which does not exist in ${dir}`);
      return Buffer.alloc(0);
    }
    return readFileSync(file);
  }
  if (body === undefined) return Buffer.alloc(0);
  if (typeof body !== 'string') {
    problems.add(`${where}body`, 'must be a string');
    return Buffer.alloc(0);
  }
  return Buffer.from(body, 'utf8');
}

function responseSpec(
  value: unknown,
  where: string,
  dir: string,
  problems: Problems,
): ScenarioResponse | undefined {
  if (!isObject(value)) {
    problems.add(where, 'must be an object with at least a status');
    return undefined;
  }
  const prefix = `${where}.`;
  checkKeys(value, RESPONSE_KEYS, prefix, problems);
  const status = wholeNumber(value, 'status', [100, 999], prefix, problems);
  if (status === undefined) problems.add(`${prefix}status`, 'is required');
  const reason = value.reason;
  if (reason !== undefined && (typeof reason !== 'string' || /[\r\n]/.test(reason)))
    problems.add(`${prefix}reason`, 'must be a one-line string');
  const maxDelayMs = wholeNumber(value, 'maxDelayMs', [0, MAX_DELAY_MS], prefix, problems);
  return {
    status: status ?? 0,
    reason: typeof reason === 'string' ? reason : (STATUS_CODES[status ?? 0] ?? ''),
    headers: headerList(value.headers, `${prefix}headers`, problems),
    body: bodyBytes(value, dir, prefix, problems),
    delayMs: wholeNumber(value, 'delayMs', [0, maxDelayMs ?? MAX_DELAY_MS], prefix, problems) ?? 0,
    maxDelayMs,
    retryAfterDateSeconds: wholeNumber(value, 'retryAfterDate', [0, 31_536_000], prefix, problems),
  };
}

function cookieRule(value: unknown, dir: string, problems: Problems): Scenario['whenCookie'] {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    problems.add('whenCookie', 'must be { "cookie": name, "response": {...} }');
    return undefined;
  }
  checkKeys(value, ['cookie', 'response'], 'whenCookie.', problems);
  const cookie = text(value, 'cookie', 'whenCookie.', problems);
  if (cookie !== '' && !TOKEN.test(cookie))
    problems.add('whenCookie.cookie', 'must be a cookie name');
  const response = responseSpec(value.response, 'whenCookie.response', dir, problems);
  return response && { cookie, response };
}

function methodRules(value: unknown, dir: string, problems: Problems) {
  const methods = new Map<string, ScenarioResponse>();
  if (value === undefined) return methods;
  if (!isObject(value)) {
    problems.add('methods', 'must be an object of method name to response');
    return methods;
  }
  for (const [method, spec] of Object.entries(value)) {
    if (!TOKEN.test(method) || method !== method.toUpperCase())
      problems.add(`methods.${method}`, 'must be an upper-case method name such as POST');
    const response = responseSpec(spec, `methods.${method}`, dir, problems);
    if (response) methods.set(method, response);
  }
  return methods;
}

/** Checks one scenario file's parsed JSON. `file` names it in errors; bodies are read relative to it. */
export function parseScenario(json: unknown, file: string): Scenario {
  const problems = new Problems();
  const dir = resolve(file, '..');
  const id = basename(file, '.json');
  if (!isObject(json)) throw new Error(`${file}: must hold one JSON object`);
  checkKeys(json, SCENARIO_KEYS, '', problems);
  if (json.id !== id) problems.add('id', `must be "${id}", the file's name`);
  if (!KEBAB_CASE.test(id)) problems.add('id', 'must be kebab-case (the file name too)');
  const path = optionalText(json, 'path', '', problems) ?? `${SCENARIO_PATH_PREFIX}${id}`;
  if (!path.startsWith('/') || /[?#\s]/.test(path))
    problems.add('path', 'must start with / and hold no query, fragment or space');
  const failTimes = wholeNumber(json, 'failTimes', [1, 1000], '', problems);
  if ((failTimes === undefined) !== (json.recovered === undefined))
    problems.add('failTimes', 'and recovered go together: give both or neither');
  if (typeof json.description === 'string' && /[\r\n]/.test(json.description))
    problems.add('description', 'must fit on one line (the index page shows it as one)');
  const title = text(json, 'title', '', problems);
  const description = text(json, 'description', '', problems);
  const group = text(json, 'group', '', problems);
  const source = optionalText(json, 'source', '', problems);
  const response = responseSpec(json.response, 'response', dir, problems);
  const recovered =
    json.recovered === undefined
      ? undefined
      : responseSpec(json.recovered, 'recovered', dir, problems);
  const whenCookie = cookieRule(json.whenCookie, dir, problems);
  const methods = methodRules(json.methods, dir, problems);
  const scenario = response && {
    id,
    title,
    description,
    group,
    path,
    source,
    response,
    failTimes: failTimes ?? 0,
    recovered,
    whenCookie,
    methods,
  };
  if (!scenario || problems.list.length > 0)
    throw new Error(`${file}: invalid scenario\n  - ${problems.list.join('\n  - ')}`);
  return scenario;
}

/**
 * Every `*.json` in `dir`, checked, in file-name order. No two may share a path, nor take one that `reservedBy` names
 * an owner for (the lab's own pages).
 */
export function loadScenarios(
  dir = SCENARIOS_DIR,
  reservedBy: (path: string) => string | undefined = () => undefined,
): Scenario[] {
  const scenarios = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
      }
      return parseScenario(json, file);
    });
  const owners = new Map<string, string>();
  for (const scenario of scenarios) {
    const clash = owners.get(scenario.path) ?? reservedBy(scenario.path);
    if (clash !== undefined)
      throw new Error(
        `${join(dir, `${scenario.id}.json`)}: path ${scenario.path} is already taken by ${clash}`,
      );
    owners.set(scenario.path, `${scenario.id}.json`);
  }
  return scenarios;
}
