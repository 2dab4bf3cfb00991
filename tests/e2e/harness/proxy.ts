/**
 * A recording proxy for the privacy tests: the browser sends all of its traffic here (loopback included), the proxy
 * forwards what is addressed to the gateway lab and refuses, and records, everything else. Plain HTTP requests,
 * HTTPS tunnels (CONNECT) and WebSocket upgrades are all seen; DNS and other protocols are not (no request of the
 * extension's can use them).
 */
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { LAB_HOST } from '../../lab/server';

export interface ProxiedRequest {
  readonly method: string;
  /** The absolute URL asked for, or `host:port` for a tunnel. */
  readonly target: string;
  readonly time: number;
}

export interface RecordingProxy {
  /** `127.0.0.1:<port>`, as browsers' proxy settings take it. */
  readonly address: string;
  readonly port: number;
  /** Requests forwarded to the lab, oldest first. */
  forwarded(): ProxiedRequest[];
  /** Requests for anywhere but the lab, refused, oldest first. */
  outside(): ProxiedRequest[];
  clear(): void;
  close(): Promise<void>;
}

/** Headers that belong to one connection (RFC 9110 section 7.6.1), not to be passed on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
]);

const forwardable = (raw: readonly string[]) => {
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2)
    if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
  return kept;
};

export async function startRecordingProxy(labOrigin: string): Promise<RecordingProxy> {
  const lab = new URL(labOrigin);
  const forwarded: ProxiedRequest[] = [];
  const outside: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const isLab = (target: URL) => target.origin === lab.origin;

  const refuse = (req: IncomingMessage, target: string, socket: Socket) => {
    outside.push({ method: req.method ?? 'GET', target, time: Date.now() });
    socket.end('HTTP/1.1 403 Refused by the recording proxy\r\nContent-Length: 0\r\n\r\n');
  };

  const server = createServer((req, res) => {
    const target = URL.parse(req.url ?? '');
    if (!target || !isLab(target)) {
      outside.push({ method: req.method ?? 'GET', target: req.url ?? '', time: Date.now() });
      res.writeHead(403, { 'Content-Length': 0, Connection: 'close' }).end();
      return;
    }
    forwarded.push({ method: req.method ?? 'GET', target: target.href, time: Date.now() });
    const upstream = httpRequest(
      {
        host: LAB_HOST,
        port: lab.port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: forwardable(req.rawHeaders),
      },
      (answer) => {
        // The lab's own status line and headers, as sent; a body without a length ends when the lab closes.
        res.writeHead(
          answer.statusCode ?? 502,
          answer.statusMessage,
          forwardable(answer.rawHeaders),
        );
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) =>
    refuse(req, req.url ?? '', socket),
  );
  server.on('upgrade', (req: IncomingMessage, socket: Socket) =>
    refuse(req, req.url ?? '', socket),
  );
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: LAB_HOST }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    address: `${LAB_HOST}:${port}`,
    port,
    forwarded: () => [...forwarded],
    outside: () => [...outside],
    clear: () => {
      forwarded.length = 0;
      outside.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
