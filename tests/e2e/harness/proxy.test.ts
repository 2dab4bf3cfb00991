import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/server';
import { startRecordingProxy, type RecordingProxy } from './proxy';

/** One request through the proxy, as a browser sends it: the absolute URL in the request line. */
function viaProxy(proxy: RecordingProxy, url: string) {
  return new Promise<{ status: number; body: string; headers: string[] }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: proxy.port, path: url, headers: { 'X-Probe': 'yes' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, headers: res.rawHeaders }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the recording proxy', () => {
  let lab: Lab;
  let proxy: RecordingProxy;
  beforeAll(async () => {
    lab = await startLab();
    proxy = await startRecordingProxy(lab.origin);
  });
  afterAll(async () => {
    await proxy.close();
    await lab.close();
  });

  it('passes the lab’s answers on as sent, and the browser’s request to the lab', async () => {
    const answer = await viaProxy(proxy, lab.url('/gateway/cloudflare-522?run=proxy'));
    expect(answer.status).toBe(522);
    expect(answer.body).toContain('Connection timed out');
    expect(answer.headers).toContain('CF-RAY');
    const [seen] = lab.requests({ run: 'proxy' });
    expect(seen?.headers).toContainEqual(['X-Probe', 'yes']);
    expect(proxy.forwarded().map((r) => r.target)).toEqual([
      lab.url('/gateway/cloudflare-522?run=proxy'),
    ]);
    expect(proxy.outside()).toEqual([]);
  });

  it('refuses and records a request for any other host, a tunnel included', async () => {
    const answer = await viaProxy(proxy, 'http://example.com/track?id=1');
    expect(answer.status).toBe(403);
    const tunnel = await new Promise<string>((resolve, reject) => {
      const socket = connect(proxy.port, '127.0.0.1', () =>
        socket.write('CONNECT web.archive.org:443 HTTP/1.1\r\nHost: web.archive.org:443\r\n\r\n'),
      );
      let reply = '';
      socket.on('data', (chunk) => (reply += String(chunk)));
      socket.on('end', () => resolve(reply));
      socket.on('error', reject);
    });
    expect(tunnel).toMatch(/^HTTP\/1\.1 403/);
    expect(proxy.outside().map((r) => `${r.method} ${r.target}`)).toEqual([
      'GET http://example.com/track?id=1',
      'CONNECT web.archive.org:443',
    ]);
  });
});
