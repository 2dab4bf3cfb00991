/**
 * The gateway lab: a local HTTP server that fails on purpose, for the end-to-end tests, the benchmark and the demo.
 * It serves the scenario files (tests/lab/scenarios), replays every real gateway response in tests/fixtures/gateways at
 * `/gateway/<id>`, lists both at `/`, and logs every request so tests can check what the browser really sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chooseResponse, RunCounters } from './choose-response';
import { renderIndexPage } from './index-page';
import { GATEWAY_FIXTURES_DIR, loadReplays, REPLAY_PATH_PREFIX, type Replay } from './replays';
import { loadScenarios, SCENARIOS_DIR, type Scenario, type ScenarioResponse } from './scenario';

/** The only address the lab listens on: its pages are broken on purpose and must never be reachable from outside. */
export const LAB_HOST = '127.0.0.1';

export interface LabOptions {
  /** 0 (the default) takes any free port. */
  port?: number;
  /** Accepted only to be refused when it is not 127.0.0.1, so a caller cannot open the lab to the network. */
  host?: string;
  scenariosDir?: string;
  fixturesDir?: string;
  /** Clock for Date and Retry-After headers and the request log, in epoch milliseconds. */
  now?: () => number;
}

export interface LabRequest {
  readonly method: string;
  /** Path and query as the browser sent them. */
  readonly path: string;
  /** Header names and values as received: original casing, order and repeats. */
  readonly headers: readonly (readonly [name: string, value: string])[];
  /** When it arrived, from the lab's clock. */
  readonly time: number;
  /** The scenario id, `gateway/<id>` for a replay, `index` for `/`, undefined when nothing matched. */
  readonly scenario: string | undefined;
  /** The `?run=` token, if any. */
  readonly run: string | undefined;
}

export interface LabRequestFilter {
  scenario?: string;
  method?: string;
  run?: string;
}

export interface Lab {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly scenarios: readonly Scenario[];
  readonly replays: readonly Replay[];
  url(path: string): string;
  /** Logged requests, oldest first. */
  requests(filter?: LabRequestFilter): LabRequest[];
  clearRequests(): void;
  /** Forgets every failure count and the request log, as if the lab had just started. */
  reset(): void;
  close(): Promise<void>;
}

/** Requests kept in the log; older ones are dropped. A benchmark run makes tens of thousands. */
const MAX_LOGGED_REQUESTS = 100_000;
/** Large enough for the oversized-cookie cases; Node's default of 16 KB would answer 431 before a scenario could. */
const MAX_REQUEST_HEADER_BYTES = 64 * 1024;

/** The first value of a logged request's header, whatever its casing. */
export function requestHeader(request: LabRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return request.headers.find(([header]) => header.toLowerCase() === wanted)?.[1];
}

type Route =
  | { readonly kind: 'index' }
  | { readonly kind: 'scenario'; readonly scenario: Scenario }
  | { readonly kind: 'replay'; readonly replay: Replay };

function buildRoutes(scenarios: readonly Scenario[], replays: readonly Replay[]) {
  const routes = new Map<string, Route>([['/', { kind: 'index' }]]);
  for (const replay of replays) {
    const path = `${REPLAY_PATH_PREFIX}${replay.id}`;
    if (routes.has(path)) throw new Error(`Two gateway fixtures have the id ${replay.id}`);
    routes.set(path, { kind: 'replay', replay });
  }
  for (const scenario of scenarios) routes.set(scenario.path, { kind: 'scenario', scenario });
  return routes;
}

function routeName(route: Route | undefined): string | undefined {
  if (route?.kind === 'scenario') return route.scenario.id;
  if (route?.kind === 'replay') return `gateway/${route.replay.id}`;
  return route?.kind;
}

function pairs(rawHeaders: readonly string[]): [string, string][] {
  const list: [string, string][] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    list.push([rawHeaders[i] ?? '', rawHeaders[i + 1] ?? '']);
  return list;
}

/** IMF-fixdate, the form RFC 9110 requires for Date and Retry-After. https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7 */
function httpDate(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}

/** A scenario's own delay, or the one asked for with `?delay=<ms>` where the file allows it, capped by the file. */
function delayFor(response: ScenarioResponse, query: URLSearchParams): number {
  const asked = Number(query.get('delay'));
  if (response.maxDelayMs === undefined || !query.has('delay') || !Number.isFinite(asked))
    return response.delayMs;
  return Math.min(Math.max(Math.round(asked), 0), response.maxDelayMs);
}

function sendScenarioResponse(res: ServerResponse, response: ScenarioResponse, at: number) {
  // The lab writes Date itself so that it and an HTTP-date Retry-After come from the same (injectable) clock.
  res.sendDate = false;
  const headers: (readonly [string, string])[] = [['Date', httpDate(at)], ...response.headers];
  if (response.retryAfterDateSeconds !== undefined)
    headers.push(['Retry-After', httpDate(at + response.retryAfterDateSeconds * 1000)]);
  headers.push(['Content-Length', String(response.body.length)]);
  res.writeHead(response.status, response.reason, headers.flat());
  res.end(response.body);
}

function sendReplay(res: ServerResponse, replay: Replay) {
  // Node adds Date, Connection (and Keep-Alive) and chunked framing unless told not to; a replay sends only the
  // file's headers. Without a Content-Length in the file the body then ends when the connection closes, as in HTTP/1.0.
  res.sendDate = false;
  res.removeHeader('Connection');
  res.removeHeader('Transfer-Encoding');
  // A file's `Connection: keep-alive` makes Node forget that the client asked to close; RFC 9112 section 9.6 still
  // has the server close after answering. https://www.rfc-editor.org/rfc/rfc9112#section-9.6
  const socket = res.shouldKeepAlive ? undefined : res.socket;
  res.writeHead(replay.status, replay.reason, replay.headers.flat());
  res.end(replay.body, () => socket?.end());
}

function sendText(res: ServerResponse, status: number, contentType: string, body: string) {
  res.writeHead(status, {
    'Content-Type': `${contentType}; charset=utf-8`,
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const { port = 0, host = LAB_HOST, now = Date.now } = options;
  if (host !== LAB_HOST)
    throw new Error(
      `The gateway lab only listens on ${LAB_HOST}, not ${host}: its pages fail on purpose.`,
    );
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`Port must be a whole number from 0 to 65535, not ${port}`);

  const replays = loadReplays(options.fixturesDir ?? GATEWAY_FIXTURES_DIR);
  const scenarios = loadScenarios(options.scenariosDir ?? SCENARIOS_DIR, (path) =>
    path === '/' || path.startsWith(REPLAY_PATH_PREFIX) ? 'the lab itself' : undefined,
  );
  const routes = buildRoutes(scenarios, replays);
  const indexPage = renderIndexPage(scenarios, replays);
  const counters = new RunCounters();
  let log: LabRequest[] = [];
  const pendingDelays = new Set<NodeJS.Timeout>();
  let origin = '';

  function record(req: IncomingMessage, url: URL, route: Route | undefined) {
    if (log.length >= MAX_LOGGED_REQUESTS) log = log.slice(-MAX_LOGGED_REQUESTS / 2);
    log.push({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: pairs(req.rawHeaders),
      time: now(),
      scenario: routeName(route),
      run: url.searchParams.get('run') ?? undefined,
    });
  }

  function afterDelay(res: ServerResponse, delayMs: number, send: () => void) {
    if (delayMs === 0) return send();
    const timer = setTimeout(() => {
      pendingDelays.delete(timer);
      send();
    }, delayMs);
    pendingDelays.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      pendingDelays.delete(timer);
    });
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    const route = routes.get(url.pathname);
    record(req, url, route);
    switch (route?.kind) {
      case 'index':
        return sendText(res, 200, 'text/html', indexPage);
      case 'replay':
        return sendReplay(res, route.replay);
      case 'scenario': {
        const response = chooseResponse(
          route.scenario,
          {
            method: req.method ?? 'GET',
            cookie: req.headers.cookie,
            run: url.searchParams.get('run') ?? undefined,
          },
          counters,
        );
        return afterDelay(res, delayFor(response, url.searchParams), () =>
          sendScenarioResponse(res, response, now()),
        );
      }
      default:
        return sendText(
          res,
          404,
          'text/plain',
          `Not found: ${url.pathname}\nThe lab's index is /\n`,
        );
    }
  }

  const server = createServer({ maxHeaderSize: MAX_REQUEST_HEADER_BYTES }, (req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      console.error('gateway lab:', error);
      if (!res.headersSent)
        sendText(res, 500, 'text/plain', `Gateway lab error: ${String(error)}\n`);
      else res.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: LAB_HOST }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://${LAB_HOST}:${(server.address() as AddressInfo).port}`;

  let closing: Promise<void> | undefined;
  return {
    origin,
    scenarios,
    replays,
    url: (path) => {
      if (!path.startsWith('/')) throw new Error(`A lab path starts with /, not ${path}`);
      return `${origin}${path}`;
    },
    requests: (filter = {}) =>
      log.filter(
        (request) =>
          (filter.scenario === undefined || request.scenario === filter.scenario) &&
          (filter.method === undefined || request.method === filter.method.toUpperCase()) &&
          (filter.run === undefined || request.run === filter.run),
      ),
    clearRequests: () => {
      log = [];
    },
    reset: () => {
      counters.clear();
      log = [];
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of pendingDelays) clearTimeout(timer);
        pendingDelays.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
